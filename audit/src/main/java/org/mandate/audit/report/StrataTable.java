package org.mandate.audit.report;

import org.mandate.objectives.json.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A breakdown of panel members by stratum (rows, e.g. age band or region) and category (columns, e.g.
 * voted / abstained, or the objective given most points), published under statistical disclosure control:
 * a count below {@link #MIN_CELL} is never shown, and neither is anything that would let a reader work it
 * out from the published totals.
 *
 * <p>{@link #publish()} applies primary suppression (every cell, row total, column total or grand total
 * below the threshold) and then complementary suppression: the table with its margins is a set of linear
 * equations (each row and each column sums to its total), and an equation with exactly one hidden term
 * gives that term away, so while some row or column has exactly one hidden value, the smallest visible
 * value of that line is hidden too (the grand total last). The result is safe against single-line
 * differencing; it is the usual first-level protection, not a full audit against linear programming attacks.
 *
 * @param counts stratum → category → members; a missing category counts 0
 */
public record StrataTable(String title, String rowDimension, String columnDimension, SortedMap<String, SortedMap<String, Long>> counts) {

    /** The smallest count a report may show. */
    public static final int MIN_CELL = 10;

    public StrataTable {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rowDimension, "rowDimension");
        Objects.requireNonNull(columnDimension, "columnDimension");
        TreeMap<String, SortedMap<String, Long>> copy = new TreeMap<>();
        Objects.requireNonNull(counts, "counts").forEach((row, cells) -> {
            cells.values().forEach(n -> {
                if (n == null || n < 0) throw new IllegalArgumentException("counts are non-negative, got " + n + " in stratum " + row);
            });
            copy.put(row, new TreeMap<>(cells));
        });
        counts = copy;
        if (counts.isEmpty()) throw new IllegalArgumentException("a breakdown needs at least one stratum");
    }

    /** Every category that appears in some stratum, sorted. */
    public List<String> columns() {
        TreeSet<String> columns = new TreeSet<>();
        counts.values().forEach(c -> columns.addAll(c.keySet()));
        return List.copyOf(columns);
    }

    /** The table as it may be published, with the default threshold. */
    public Published publish() {
        return publish(MIN_CELL);
    }

    public Published publish(int threshold) {
        List<String> rows = List.copyOf(counts.keySet());
        List<String> cols = columns();
        int r = rows.size(), c = cols.size();
        // The grid holds the cells and, in its last row and column, the margins; (r, c) is the grand total.
        long[][] v = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                long n = counts.get(rows.get(i)).getOrDefault(cols.get(j), 0L);
                v[i][j] = n;
                v[i][c] += n;
                v[r][j] += n;
                v[r][c] += n;
            }
        }
        boolean[][] hidden = new boolean[r + 1][c + 1];
        for (int i = 0; i <= r; i++) for (int j = 0; j <= c; j++) hidden[i][j] = v[i][j] < threshold;
        int primary = count(hidden);

        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i <= r; i++) changed |= complete(v, hidden, i, -1, r, c);
            for (int j = 0; j <= c; j++) changed |= complete(v, hidden, -1, j, r, c);
        }

        List<Published.Row> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            Map<String, Long> cells = new LinkedHashMap<>();
            for (int j = 0; j < c; j++) cells.put(cols.get(j), hidden[i][j] ? null : v[i][j]);
            out.add(new Published.Row(rows.get(i), cells, hidden[i][c] ? null : v[i][c]));
        }
        Map<String, Long> columnTotals = new LinkedHashMap<>();
        for (int j = 0; j < c; j++) columnTotals.put(cols.get(j), hidden[r][j] ? null : v[r][j]);
        return new Published(title, rowDimension, columnDimension, threshold, cols, out, columnTotals,
                hidden[r][c] ? null : v[r][c], primary, count(hidden) - primary);
    }

    /** If line (row {@code i} or column {@code j}) hides exactly one value, hides its smallest visible one. */
    private static boolean complete(long[][] v, boolean[][] hidden, int i, int j, int r, int c) {
        int length = i >= 0 ? c + 1 : r + 1;
        int hiddenCount = 0;
        int best = -1;
        for (int k = 0; k < length; k++) {
            int a = i >= 0 ? i : k, b = i >= 0 ? k : j;
            if (hidden[a][b]) {
                hiddenCount++;
            } else if (!(a == r && b == c)) {
                int ba = i >= 0 ? i : best, bb = i >= 0 ? best : j;
                if (best < 0 || v[a][b] < v[ba][bb]) best = k;
            }
        }
        if (hiddenCount != 1) return false;
        if (best < 0) best = i >= 0 ? c : r; // only the grand total is left to hide
        if (i >= 0) hidden[i][best] = true;
        else hidden[best][j] = true;
        return true;
    }

    private static int count(boolean[][] hidden) {
        int n = 0;
        for (boolean[] row : hidden) for (boolean b : row) if (b) n++;
        return n;
    }

    /**
     * The publishable table: a null count is suppressed.
     *
     * @param primarySuppressed   values hidden because they were below the threshold
     * @param complementarySuppressed values hidden so that those cannot be recomputed from the totals
     */
    public record Published(String title, String rowDimension, String columnDimension, int threshold, List<String> columns,
                            List<Row> rows, Map<String, Long> columnTotals, Long total, int primarySuppressed,
                            int complementarySuppressed) implements JsonValue {

        public record Row(String stratum, Map<String, Long> cells, Long total) {}

        public Published {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            columnTotals = Collections.unmodifiableMap(new LinkedHashMap<>(columnTotals));
        }

        @Override
        public Object toJsonValue() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("title", title);
            json.put("row_dimension", rowDimension);
            json.put("column_dimension", columnDimension);
            json.put("threshold", threshold);
            json.put("columns", columns);
            json.put("rows", rows.stream().map(row -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("stratum", row.stratum());
                r.put("cells", new LinkedHashMap<>(row.cells()));
                r.put("total", row.total());
                return (Object) r;
            }).toList());
            json.put("column_totals", new LinkedHashMap<>(columnTotals));
            json.put("total", total);
            json.put("primary_suppressed", primarySuppressed);
            json.put("complementary_suppressed", complementarySuppressed);
            return json;
        }
    }
}

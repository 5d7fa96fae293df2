package org.mandate.audit.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrataTableTest {

    static StrataTable table(Map<String, Map<String, Long>> counts) {
        SortedMap<String, SortedMap<String, Long>> c = new TreeMap<>();
        counts.forEach((k, v) -> c.put(k, new TreeMap<>(v)));
        return new StrataTable("Turnout by age", "age", "ballot", c);
    }

    @Test
    void aTableOfLargeCountsIsPublishedWhole() {
        StrataTable.Published p = table(Map.of("18-34", Map.of("voted", 40L, "abstained", 12L),
                "35-64", Map.of("voted", 55L, "abstained", 20L))).publish();
        assertEquals(0, p.primarySuppressed() + p.complementarySuppressed());
        assertEquals(127L, p.total());
        assertEquals(52L, p.rows().getFirst().total());
        assertEquals(95L, p.columnTotals().get("voted"));
    }

    /**
     * One small cell: hiding it alone would leave it as row total minus the other cell, so a second cell in
     * its row and one in its column are hidden, and a fourth closes the rectangle.
     */
    @Test
    void aSmallCellIsHiddenWithItsComplementsSoNoTotalGivesItAway() {
        StrataTable t = table(Map.of(
                "18-34", Map.of("voted", 4L, "abstained", 30L),
                "35-64", Map.of("voted", 50L, "abstained", 25L),
                "65+", Map.of("voted", 60L, "abstained", 40L)));
        StrataTable.Published p = t.publish();
        Map<String, StrataTable.Published.Row> rows = new TreeMap<>();
        p.rows().forEach(r -> rows.put(r.stratum(), r));
        assertNull(rows.get("18-34").cells().get("voted"), "below 10");
        assertNull(rows.get("18-34").cells().get("abstained"), "its row partner, else 34 - 30 = 4");
        assertNull(rows.get("35-64").cells().get("abstained"), "smallest partner in the abstained column");
        assertNull(rows.get("35-64").cells().get("voted"), "closes the rectangle");
        assertEquals(60L, rows.get("65+").cells().get("voted"));
        assertEquals(34L, rows.get("18-34").total());
        assertEquals(1, p.primarySuppressed());
        assertEquals(3, p.complementarySuppressed());
        assertSafe(t, p);
    }

    @Test
    void aSmallStratumHidesItsTotalAndAnotherTotal() {
        StrataTable t = table(Map.of(
                "18-34", Map.of("voted", 3L, "abstained", 2L),
                "35-64", Map.of("voted", 50L, "abstained", 25L),
                "65+", Map.of("voted", 60L, "abstained", 40L)));
        StrataTable.Published p = t.publish();
        assertNull(p.rows().getFirst().total(), "5 members");
        assertTrue(p.rows().stream().skip(1).anyMatch(r -> r.total() == null), "else the grand total minus the others gives it");
        assertEquals(180L, p.total());
        assertSafe(t, p);
    }

    @Test
    void aPanelSmallerThanTheThresholdPublishesNoCount() {
        StrataTable t = table(Map.of("a", Map.of("x", 3L, "y", 2L), "b", Map.of("x", 1L, "y", 2L)));
        StrataTable.Published p = t.publish();
        assertNull(p.total());
        p.rows().forEach(r -> {
            assertNull(r.total());
            r.cells().values().forEach(v -> assertNull(v));
        });
    }

    /** Random tables: every published count is true and at least 10, and no row or column hides exactly one value. */
    @Test
    void randomTablesAreAlwaysSafe() {
        Random random = new Random(11);
        for (int trial = 0; trial < 500; trial++) {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            int rows = 1 + random.nextInt(5), cols = 1 + random.nextInt(4);
            for (int i = 0; i < rows; i++) {
                Map<String, Long> cells = new TreeMap<>();
                for (int j = 0; j < cols; j++) cells.put("c" + j, (long) (random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(60)));
                counts.put("s" + i, cells);
            }
            StrataTable t = table(counts);
            assertSafe(t, t.publish());
        }
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> table(Map.of("a", Map.of("x", -1L))));
        assertThrows(IllegalArgumentException.class, () -> new StrataTable("t", "r", "c", new TreeMap<>()));
    }

    /** Rebuilds the grid with margins and checks the two publication rules. */
    static void assertSafe(StrataTable t, StrataTable.Published p) {
        List<String> cols = p.columns();
        int r = p.rows().size(), c = cols.size();
        Long[][] pub = new Long[r + 1][c + 1];
        long[][] raw = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            StrataTable.Published.Row row = p.rows().get(i);
            for (int j = 0; j < c; j++) {
                long n = t.counts().get(row.stratum()).getOrDefault(cols.get(j), 0L);
                raw[i][j] = n;
                raw[i][c] += n;
                raw[r][j] += n;
                raw[r][c] += n;
                pub[i][j] = row.cells().get(cols.get(j));
            }
            pub[i][c] = row.total();
        }
        for (int j = 0; j < c; j++) pub[r][j] = p.columnTotals().get(cols.get(j));
        pub[r][c] = p.total();
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                if (pub[i][j] != null) {
                    assertEquals(raw[i][j], pub[i][j], "a published count is the true count");
                    assertTrue(pub[i][j] >= StrataTable.MIN_CELL, "a published count is at least the threshold");
                }
            }
        }
        for (int i = 0; i <= r; i++) {
            int hidden = 0;
            for (int j = 0; j <= c; j++) if (pub[i][j] == null) hidden++;
            assertTrue(hidden != 1, "row " + i + " hides exactly one value, which its total gives away");
        }
        for (int j = 0; j <= c; j++) {
            int hidden = 0;
            for (int i = 0; i <= r; i++) if (pub[i][j] == null) hidden++;
            assertTrue(hidden != 1, "column " + j + " hides exactly one value, which its total gives away");
        }
    }
}

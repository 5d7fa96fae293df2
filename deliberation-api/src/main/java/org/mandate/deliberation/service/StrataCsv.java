package org.mandate.deliberation.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An organiser's strata file, parsed and checked completely before anything is written: a header of
 * stratum columns (e.g. {@code region,age_band}) and optionally {@code count}, then one row per group
 * of invitations. RFC 4180 quoting is understood ({@code "Saint-Denis, 93"}, {@code ""} for a quote).
 * Any problem is refused with the line it is on, and then nothing is created.
 *
 * @param columns the stratum columns, in file order ({@code count} excluded)
 * @param rows    one entry per data line: its attributes and how many invitations it asks for
 */
public record StrataCsv(List<String> columns, List<Row> rows) {

    /** One data line: the attributes every invitation it yields carries, and how many invitations. */
    public record Row(int line, Map<String, String> attributes, int count) {}

    public static final int MAX_COLUMNS = 10;
    public static final int MAX_VALUE_LENGTH = 100;
    public static final int MAX_COUNT_PER_ROW = MemberService.MAX_INVITATIONS_PER_CALL;
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public StrataCsv {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** All invitations the file asks for. */
    public int invitations() {
        return rows.stream().mapToInt(Row::count).sum();
    }

    public static StrataCsv parse(String text) {
        if (text == null || text.isBlank()) throw refuse(1, "the file is empty; it needs a header such as region,age_band,count");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        split(text, records, lines);
        List<String> header = records.getFirst();
        List<String> columns = new ArrayList<>();
        int countAt = -1;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(name)) throw refuse(1, "the column '" + name + "' appears twice in the header");
            if (name.equals("count")) {
                countAt = i;
                continue;
            }
            if (!COLUMN.matcher(name).matches()) {
                throw refuse(1, "the column name '" + header.get(i) + "' is not allowed; use lower-case letters, digits and _ (at most 40), starting with a letter");
            }
            columns.add(name);
        }
        if (columns.isEmpty()) throw refuse(1, "the header names no stratum column (such as region or age_band)");
        if (columns.size() > MAX_COLUMNS) throw refuse(1, "the header has " + columns.size() + " stratum columns; at most " + MAX_COLUMNS + " are allowed");

        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            int line = lines.get(r);
            if (fields.size() != header.size()) {
                throw refuse(line, "the line has " + fields.size() + " field(s) but the header has " + header.size());
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            int count = 1;
            for (int i = 0; i < fields.size(); i++) {
                String value = fields.get(i).strip();
                if (i == countAt) {
                    if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_COUNT_PER_ROW) {
                        throw refuse(line, "count must be a whole number from 1 to " + MAX_COUNT_PER_ROW + ", got '" + value + "'");
                    }
                    count = Integer.parseInt(value);
                    continue;
                }
                String column = header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
                if (value.isEmpty()) throw refuse(line, "the value of " + column + " is empty");
                if (value.length() > MAX_VALUE_LENGTH) throw refuse(line, "the value of " + column + " is longer than " + MAX_VALUE_LENGTH + " characters");
                String problem = Texts.problem(value, false);
                if (problem != null) throw refuse(line, "the value of " + column + " cannot be stored: " + problem);
                attributes.put(column, value);
            }
            total += count;
            if (total > MemberService.MAX_INVITATIONS_PER_CALL) {
                throw refuse(line, "the file asks for more than " + MemberService.MAX_INVITATIONS_PER_CALL + " invitations; split it");
            }
            rows.add(new Row(line, attributes, count));
        }
        if (rows.isEmpty()) throw refuse(1, "the file has a header but no rows");
        return new StrataCsv(columns, rows);
    }

    /**
     * RFC 4180 records with the line each starts on (1-based). Blank lines are skipped; a quoted field
     * may span lines; a quote inside an unquoted field, or an unclosed quote, is an error.
     */
    private static void split(String text, List<List<String>> records, List<Integer> lines) {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false, wasQuoted = false, endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (c == '\n') line++;
                    field.append(c);
                    i++;
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        if (!field.toString().isBlank() || wasQuoted) throw refuse(line, "a quote in the middle of a field; quote the whole field and double inner quotes");
                        field.setLength(0);
                        quoted = true;
                        wasQuoted = true;
                    }
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                        wasQuoted = false;
                    }
                    case '\r' -> {
                        if (i + 1 >= n || text.charAt(i + 1) != '\n') throw refuse(line, "a carriage return without a line feed");
                    }
                    case '\n' -> {
                        endOfRecord = true;
                        line++;
                    }
                    default -> {
                        if (wasQuoted && !Character.isWhitespace(c)) throw refuse(line, "text after a closing quote; double a quote inside a quoted field");
                        field.append(c);
                    }
                }
                i++;
            }
            if (quoted) throw refuse(start, "a quoted field is never closed");
            fields.add(field.toString());
            boolean blank = fields.size() == 1 && fields.getFirst().isBlank() && !wasQuoted;
            if (!blank) {
                records.add(fields);
                lines.add(start);
            }
        }
        if (records.isEmpty()) throw refuse(1, "the file is empty; it needs a header such as region,age_band,count");
    }

    private static Refused refuse(int line, String why) {
        return new Refused(Refused.Kind.INVALID_STRATA, "strata file, line " + line + ": " + why);
    }
}

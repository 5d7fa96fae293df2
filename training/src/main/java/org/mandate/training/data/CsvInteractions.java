package org.mandate.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a broadcaster's own export as two UTF-8 CSV files with a header line (columns found by name,
 * case-insensitive, in any order; other columns are ignored; fields may be "quoted" with "" escapes, but
 * not span lines):
 * <ul>
 *   <li>items: {@code id} (required), {@code genre} (optional, several as {@code a|b}), {@code provider_group}
 *       (optional; without it every item is in one group "unknown"), {@code local} (optional,
 *       true/false, 1/0 or yes/no; without it no item is local);</li>
 *   <li>interactions: {@code user}, {@code item}, {@code timestamp} (epoch seconds or ISO-8601) and an
 *       optional {@code weight} (a rating or watch share), read only when {@link LoadOptions#minRating()}
 *       binarises; otherwise every row is an interaction.</li>
 * </ul>
 * Ids are arbitrary text; every interaction's item must be listed in the items file.
 */
public final class CsvInteractions {

    private CsvInteractions() {}

    public static TimedInteractions load(Path interactions, Path items, LoadOptions options) throws IOException {
        CatalogueTable catalogue = new CatalogueTable(List.of());
        Integer genre, provider, local;
        try (BufferedReader in = Files.newBufferedReader(items, StandardCharsets.UTF_8)) {
            Header h = Header.read(items, in, List.of("id"));
            // A forbidden attribute's column is never looked at, as if the export lacked it.
            genre = options.allows(LoadOptions.GENRE) ? h.optional("genre") : null;
            provider = options.allows(LoadOptions.PROVIDER_GROUP) ? h.optional("provider_group") : null;
            local = options.allows(LoadOptions.LOCAL) ? h.optional("local") : null;
            long line = 1;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                List<String> f = h.fields(items, line, s);
                String id = f.get(h.required("id")).trim();
                if (id.isEmpty()) throw new DataFileException(items, line, "empty item id");
                List<String> genres = genre == null ? List.of() : Arrays.asList(f.get(genre).split("\\|"));
                catalogue.add(items, line, id, genres, provider == null ? null : f.get(provider),
                        local != null && FieldParser.flag(items, line, f.get(local), "local"));
            }
        }
        InteractionTable table = new InteractionTable(options);
        try (BufferedReader in = Files.newBufferedReader(interactions, StandardCharsets.UTF_8)) {
            Header h = Header.read(interactions, in, List.of("user", "item", "timestamp"));
            int user = h.required("user"), item = h.required("item"), time = h.required("timestamp");
            // The weight is read only to binarise; otherwise every row counts and the column stays unread.
            Integer weight = options.minRating() == null ? null : h.optional("weight");
            if (options.minRating() != null && weight == null) {
                throw new IllegalArgumentException(interactions.getFileName() + " has no weight column to binarise at " + options.minRating());
            }
            long line = 1;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                List<String> f = h.fields(interactions, line, s);
                String u = f.get(user).trim();
                if (u.isEmpty()) throw new DataFileException(interactions, line, "empty user id");
                String itemId = f.get(item).trim();
                int index = catalogue.indexOf(itemId);
                if (index < 0) throw new DataFileException(interactions, line, "item '" + itemId + "' is not in " + items.getFileName());
                double w = weight == null ? 1.0 : FieldParser.decimal(interactions, line, f.get(weight), "weight");
                table.add(u, index, FieldParser.timestamp(interactions, line, f.get(time)), w);
            }
        }
        List<String> read = new ArrayList<>(List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP));
        if (options.minRating() != null) read.add(LoadOptions.RATING);
        if (genre != null) read.add(LoadOptions.GENRE);
        if (provider != null) read.add(LoadOptions.PROVIDER_GROUP);
        if (local != null) read.add(LoadOptions.LOCAL);
        return table.build(catalogue.build(), read);
    }

    /** A header line: column positions by lower-case name, and the field count every line must have. */
    private record Header(Map<String, Integer> columns, int width) {

        static Header read(Path file, BufferedReader in, List<String> required) throws IOException {
            String first = in.readLine();
            if (first == null) throw new DataFileException(file, 1, "empty file, expected a header line");
            if (!first.isEmpty() && first.charAt(0) == '\uFEFF') first = first.substring(1);
            List<String> names = split(file, 1, first);
            Map<String, Integer> columns = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c).trim().toLowerCase(Locale.ROOT);
                if (columns.putIfAbsent(name, c) != null) throw new DataFileException(file, 1, "column '" + name + "' appears twice");
            }
            for (String r : required) {
                if (!columns.containsKey(r)) throw new DataFileException(file, 1, "header lacks the required column '" + r + "'; found " + names);
            }
            return new Header(columns, names.size());
        }

        int required(String name) {
            return columns.get(name);
        }

        Integer optional(String name) {
            return columns.get(name);
        }

        List<String> fields(Path file, long line, String s) {
            List<String> f = split(file, line, s);
            if (f.size() != width) throw new DataFileException(file, line, "expected " + width + " comma-separated fields, found " + f.size());
            return f;
        }
    }

    /** RFC 4180 within one line: commas separate, double quotes enclose, "" is a literal quote. */
    static List<String> split(Path file, long line, String s) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new DataFileException(file, line, "unterminated quoted field");
        out.add(field.toString());
        return out;
    }
}

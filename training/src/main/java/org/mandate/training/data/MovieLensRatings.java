package org.mandate.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ratings file both MovieLens releases share, {@code user SEP item SEP rating SEP timestamp}
 * (ISO-8859-1); only the separator differs (a tab in 100K, {@code ::} in 1M).
 */
final class MovieLensRatings {

    private MovieLensRatings() {}

    static TimedInteractions read(Path ratings, String separator, String separatorName, CatalogueTable catalogue,
                                  Path catalogueFile, LoadOptions options) throws IOException {
        InteractionTable table = new InteractionTable(options);
        String split = Pattern.quote(separator);
        try (BufferedReader in = Files.newBufferedReader(ratings, StandardCharsets.ISO_8859_1)) {
            long line = 0;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                String[] f = s.split(split, -1);
                if (f.length != 4) throw new DataFileException(ratings, line, "expected 4 " + separatorName + "-separated fields, found " + f.length);
                String user = FieldParser.id(ratings, line, f[0], "user id");
                String itemId = FieldParser.id(ratings, line, f[1], "item id");
                int item = catalogue.indexOf(itemId);
                if (item < 0) throw new DataFileException(ratings, line, "item " + itemId + " is not in " + catalogueFile.getFileName());
                double rating = options.minRating() == null ? Double.NaN : FieldParser.decimal(ratings, line, f[2], "rating");
                table.add(user, item, FieldParser.integer(ratings, line, f[3], "timestamp"), rating);
            }
        }
        return table.build(catalogue.build(), fieldsRead(options));
    }

    private static List<String> fieldsRead(LoadOptions options) {
        List<String> read = new ArrayList<>(List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP));
        if (options.minRating() != null) read.add(LoadOptions.RATING);
        if (options.allows(LoadOptions.GENRE)) read.add(LoadOptions.GENRE);
        return read;
    }
}

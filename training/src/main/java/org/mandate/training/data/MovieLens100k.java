package org.mandate.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a local copy of MovieLens 100K (GroupLens; not shipped, the user points at their download):
 * {@code u.item} ({@code id|title|release|video release|IMDb URL|} then 19 genre flags, ISO-8859-1)
 * becomes the catalogue, {@code u.data} ({@code user \t item \t rating \t timestamp}) the interactions.
 * No provider groups (one group "unknown"), no local tag; {@code u.user}'s demographics are never read.
 */
public final class MovieLens100k {

    /** The genre flags' order in {@code u.item}, as listed in {@code u.genre}. */
    public static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final int ITEM_FIELDS = 5 + 19;

    private MovieLens100k() {}

    /** Reads {@code u.data} and {@code u.item} from the directory the archive was unpacked to. */
    public static TimedInteractions load(Path directory, LoadOptions options) throws IOException {
        return load(directory.resolve("u.data"), directory.resolve("u.item"), options);
    }

    public static TimedInteractions load(Path ratings, Path items, LoadOptions options) throws IOException {
        CatalogueTable catalogue = new CatalogueTable(GENRES);
        try (BufferedReader in = Files.newBufferedReader(items, StandardCharsets.ISO_8859_1)) {
            long line = 0;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                String[] f = s.split("\\|", -1);
                if (f.length != ITEM_FIELDS) {
                    throw new DataFileException(items, line, "expected " + ITEM_FIELDS + " '|'-separated fields, found " + f.length);
                }
                List<String> genres = new ArrayList<>();
                for (int g = 0; g < GENRES.size() && options.allows(LoadOptions.GENRE); g++) {
                    if (FieldParser.flag(items, line, f[5 + g], "genre flag " + GENRES.get(g))) genres.add(GENRES.get(g));
                }
                catalogue.add(items, line, FieldParser.id(items, line, f[0], "movie id"), genres, null, false);
            }
        }
        return MovieLensRatings.read(ratings, "\t", "tab", catalogue, items, options);
    }
}

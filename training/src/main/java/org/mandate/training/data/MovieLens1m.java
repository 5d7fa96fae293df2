package org.mandate.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a local copy of MovieLens 1M (not shipped): {@code movies.dat} ({@code MovieID::Title::Genres},
 * genres '|'-separated, ISO-8859-1) becomes the catalogue, {@code ratings.dat}
 * ({@code UserID::MovieID::Rating::Timestamp}) the interactions. No provider groups (one group
 * "unknown"), no local tag; {@code users.dat}'s demographics are never read.
 */
public final class MovieLens1m {

    /** The genres the data set's README lists, in its order. */
    public static final List<String> GENRES = List.of("Action", "Adventure", "Animation", "Children's", "Comedy",
            "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
            "Sci-Fi", "Thriller", "War", "Western");

    private static final String SEPARATOR = "::";

    private MovieLens1m() {}

    /** Reads {@code ratings.dat} and {@code movies.dat} from the directory the archive was unpacked to. */
    public static TimedInteractions load(Path directory, LoadOptions options) throws IOException {
        return load(directory.resolve("ratings.dat"), directory.resolve("movies.dat"), options);
    }

    public static TimedInteractions load(Path ratings, Path movies, LoadOptions options) throws IOException {
        CatalogueTable catalogue = new CatalogueTable(GENRES);
        try (BufferedReader in = Files.newBufferedReader(movies, StandardCharsets.ISO_8859_1)) {
            long line = 0;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                // The title sits between the first and the last separator, so a title containing "::" still reads.
                int first = s.indexOf(SEPARATOR), last = s.lastIndexOf(SEPARATOR);
                if (first < 0 || last == first) {
                    throw new DataFileException(movies, line, "expected MovieID::Title::Genres, found " + (first < 0 ? 1 : 2) + " field(s)");
                }
                String id = FieldParser.id(movies, line, s.substring(0, first), "movie id");
                String genres = options.allows(LoadOptions.GENRE) ? s.substring(last + SEPARATOR.length()) : "";
                catalogue.add(movies, line, id, Arrays.asList(genres.split("\\|")), null, false);
            }
        }
        return MovieLensRatings.read(ratings, SEPARATOR, "'::'", catalogue, movies, options);
    }
}

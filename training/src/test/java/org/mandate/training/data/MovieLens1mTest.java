package org.mandate.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MovieLens1mTest {

    private static final long T0 = 978_300_760L;

    @TempDir
    Path dir;

    private void write(String name, String... lines) throws IOException {
        Files.write(dir.resolve(name), List.of(lines), StandardCharsets.ISO_8859_1);
    }

    private void writeMovies() throws IOException {
        write("movies.dat",
                "1::Toy Story (1995)::Animation|Children's|Comedy",
                "2::Jumanji (1995)::Adventure|Children's|Fantasy",
                "5::Père Noël (1995)::Comedy",
                "7::Sabrina: Part 2 :: The Sequel (1995)::Romance");
    }

    @Test
    void readsMoviesAndRatings() throws IOException {
        writeMovies();
        write("ratings.dat",
                "6040::5::4::" + (T0 + 5),
                "1::1::5::" + T0,
                "1::7::3::" + (T0 + 1),
                "6040::1::2::" + (T0 + 2));
        TimedInteractions t = MovieLens1m.load(dir, LoadOptions.ALL);
        ItemCatalogue c = t.data().catalogue();
        assertEquals(List.of("1", "2", "5", "7"), c.itemIds(), "catalogue in file order");
        assertEquals(List.of("Animation", "Adventure", "Comedy", "Romance"),
                List.of(0, 1, 2, 3).stream().map(i -> c.genres().get(c.genre()[i])).toList(),
                "rarest genre; a title with '::' still parses");
        assertEquals(List.of("1", "6040"), t.userIds());
        assertArrayEquals(new int[][]{{0, 3}, {0, 2}}, t.data().histories());
        assertArrayEquals(new long[][]{{T0, T0 + 1}, {T0 + 2, T0 + 5}}, t.timestamps());
        assertEquals(4, t.data().interactionCount());

        TimedInteractions noGenres = MovieLens1m.load(dir, new LoadOptions(null, null, List.of(LoadOptions.GENRE)));
        assertTrue(Arrays.stream(noGenres.data().catalogue().genre())
                .allMatch(g -> noGenres.data().catalogue().genres().get(g).equals("unknown")), "a forbidden genre is never read");
        assertFalse(noGenres.fieldsRead().contains(LoadOptions.GENRE));

        TimedInteractions liked = MovieLens1m.load(dir, LoadOptions.ALL.withMinRating(4.0));
        assertArrayEquals(new int[][]{{0}, {2}}, liked.data().histories());
    }

    @Test
    void malformedLinesNameTheFileAndLine() throws IOException {
        writeMovies();
        write("ratings.dat", "1::1::5::" + T0, "1::2::5::" + T0 + "::extra");
        DataFileException e = assertThrows(DataFileException.class, () -> MovieLens1m.load(dir, LoadOptions.ALL));
        assertEquals("ratings.dat:2: expected 4 '::'-separated fields, found 5", e.getMessage());

        write("ratings.dat", "1::3::5::" + T0);
        e = assertThrows(DataFileException.class, () -> MovieLens1m.load(dir, LoadOptions.ALL));
        assertEquals("ratings.dat:1: item 3 is not in movies.dat", e.getMessage());

        write("ratings.dat", "1::1::five::" + T0);
        assertEquals(1, MovieLens1m.load(dir, LoadOptions.ALL).data().interactionCount(), "the rating is read only to binarise");
        e = assertThrows(DataFileException.class, () -> MovieLens1m.load(dir, LoadOptions.ALL.withMinRating(4.0)));
        assertTrue(e.getMessage().startsWith("ratings.dat:1: rating must be a number"), e.getMessage());

        write("movies.dat", "1::Toy Story (1995)::Comedy", "abc::Heat (1995)::Action");
        e = assertThrows(DataFileException.class, () -> MovieLens1m.load(dir, LoadOptions.ALL));
        assertEquals("movies.dat:2: movie id must be a non-negative integer, got 'abc'", e.getMessage());

        write("movies.dat", "1::Toy Story (1995)::Comedy", "1::Toy Story again::Comedy");
        e = assertThrows(DataFileException.class, () -> MovieLens1m.load(dir, LoadOptions.ALL));
        assertEquals("movies.dat:2: duplicate item id '1'", e.getMessage());
    }
}

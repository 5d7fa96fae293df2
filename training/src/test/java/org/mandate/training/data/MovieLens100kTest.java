package org.mandate.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MovieLens100kTest {

    private static final long DAY = 86_400;
    private static final long T0 = 880_000_000L;

    @TempDir
    Path dir;

    /** A u.item line: flags for the given genre indices among the 19 of u.genre. */
    private static String item(int id, String title, int... genres) {
        int[] flags = new int[19];
        for (int g : genres) flags[g] = 1;
        StringBuilder s = new StringBuilder(id + "|" + title + "|01-Jan-1995||http://us.imdb.com/x");
        for (int f : flags) s.append('|').append(f);
        return s.toString();
    }

    private void write(String name, String... lines) throws IOException {
        Files.write(dir.resolve(name), List.of(lines), StandardCharsets.ISO_8859_1);
    }

    private void writeItems() throws IOException {
        write("u.item",
                item(1, "Toy Story (1995)", 3, 4, 5),   // Animation, Children's, Comedy
                item(2, "GoldenEye (1995)", 1, 2, 16),  // Action, Adventure, Thriller
                item(3, "Cité des enfants perdus (1995)", 5),  // Comedy: ISO-8859-1 title
                item(4, "unknown"));                    // no genre flag at all
    }

    @Test
    void readsTheCatalogueAndDenseInteractionsWithTimestamps() throws IOException {
        writeItems();
        write("u.data",
                "10\t1\t5\t" + T0,
                "2\t3\t4\t" + (T0 + DAY),
                "10\t2\t3\t" + (T0 + 2 * DAY),
                "2\t1\t1\t" + (T0 + 3 * DAY));
        TimedInteractions t = MovieLens100k.load(dir, LoadOptions.ALL);
        ItemCatalogue c = t.data().catalogue();
        assertEquals(List.of("1", "2", "3", "4"), c.itemIds());
        assertEquals(MovieLens100k.GENRES, c.genres());
        // Comedy is carried by two items, Animation by one: Toy Story's main genre is the rarer Animation.
        assertEquals("Animation", c.genres().get(c.genre()[0]));
        assertEquals("Action", c.genres().get(c.genre()[1]), "a tie between single-carrier genres goes to the first listed");
        assertEquals("Comedy", c.genres().get(c.genre()[2]));
        assertEquals("unknown", c.genres().get(c.genre()[3]));
        assertEquals(List.of("unknown"), c.providerGroups());
        assertArrayEquals(new boolean[4], c.local());
        assertEquals(List.of("2", "10"), t.userIds(), "numeric ids in numeric order");
        assertArrayEquals(new int[][]{{0, 2}, {0, 1}}, t.data().histories());
        assertArrayEquals(new long[][]{{T0 + 3 * DAY, T0 + DAY}, {T0, T0 + 2 * DAY}}, t.timestamps());
        assertEquals(List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP, LoadOptions.GENRE), t.fieldsRead());
    }

    @Test
    void binarisesRatingsAndDropsOldInteractions() throws IOException {
        writeItems();
        write("u.data",
                "1\t1\t5\t" + T0,
                "1\t2\t3\t" + (T0 + 10 * DAY),
                "2\t3\t4\t" + (T0 + 30 * DAY),
                "2\t4\t2\t" + (T0 + 40 * DAY));
        TimedInteractions liked = MovieLens100k.load(dir, new LoadOptions(null, 4.0));
        assertTrue(liked.fieldsRead().contains(LoadOptions.RATING));
        assertArrayEquals(new int[][]{{0}, {2}}, liked.data().histories());
        // Newest kept interaction is day 30 (the 2-star rating is no interaction): day 0 is 30 days older.
        TimedInteractions recent = MovieLens100k.load(dir, new LoadOptions(20, 4.0));
        assertEquals(List.of("2"), recent.userIds(), "user 1's only liked interaction is too old; the user is dropped");
        assertArrayEquals(new int[][]{{2}}, recent.data().histories());
        TimedInteractions everything = MovieLens100k.load(dir, LoadOptions.ALL.withMaxAgeDays(30));
        assertArrayEquals(new int[][]{{1}, {2, 3}}, everything.data().histories());
    }

    @Test
    void malformedLinesNameTheFileAndLine() throws IOException {
        writeItems();
        write("u.data", "1\t1\t5\t" + T0, "1\t2\t5");
        DataFileException e = assertThrows(DataFileException.class, () -> MovieLens100k.load(dir, LoadOptions.ALL));
        assertEquals("u.data", e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("u.data:2: expected 4"), e.getMessage());

        write("u.data", "1\t1\t5\t" + T0, "", "x1\t2\t5\t" + T0);
        e = assertThrows(DataFileException.class, () -> MovieLens100k.load(dir, LoadOptions.ALL));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("user id must be a non-negative integer, got 'x1'"), e.getMessage());

        write("u.data", "1\t99\t5\t" + T0);
        e = assertThrows(DataFileException.class, () -> MovieLens100k.load(dir, LoadOptions.ALL));
        assertTrue(e.getMessage().contains("item 99 is not in u.item"), e.getMessage());

        write("u.item", item(1, "A"), "2|B|01-Jan-1995||url|0|1");
        e = assertThrows(DataFileException.class, () -> MovieLens100k.load(dir, LoadOptions.ALL));
        assertEquals("u.item:2: expected 24 '|'-separated fields, found 7", e.getMessage());
    }
}

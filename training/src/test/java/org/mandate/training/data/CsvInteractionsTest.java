package org.mandate.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.objectives.mandate.DataUseRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CsvInteractionsTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private Path items() throws IOException {
        return write("items.csv",
                "id,title,genre,provider_group,local",
                "news-1,\"Le journal, 20h\",news,in-house,false",
                "doc-7,\"The \"\"Alps\"\"\",documentary|nature,independent,0",
                "reg-3,Vallée,regional-life|news,regional,yes");
    }

    @Test
    void readsAttributesAndInteractionsWithRepeatsAndIsoTimestamps() throws IOException {
        Path interactions = write("interactions.csv",
                "timestamp,user,item,weight",
                "1700000000,alice,doc-7,1.0",
                "2023-11-15T00:00:00Z,bob,news-1,0.2",
                "1700000100,alice,doc-7,0.5",
                "2023-11-10,alice,reg-3,0.9");
        TimedInteractions t = CsvInteractions.load(interactions, items(), LoadOptions.ALL);
        ItemCatalogue c = t.data().catalogue();
        assertEquals(List.of("news-1", "doc-7", "reg-3"), c.itemIds());
        assertEquals(List.of("news", "documentary", "nature", "regional-life"), c.genres());
        assertArrayEquals(new int[]{0, 1, 3}, c.genre(), "news is carried twice, so reg-3's main genre is regional-life");
        assertEquals(List.of("in-house", "independent", "regional"), c.providerGroups());
        assertArrayEquals(new int[]{0, 1, 2}, c.providerGroup());
        assertArrayEquals(new boolean[]{false, false, true}, c.local());
        assertEquals(List.of("alice", "bob"), t.userIds());
        assertArrayEquals(new int[][]{{1, 2}, {0}}, t.data().histories());
        assertArrayEquals(new long[][]{{1_700_000_100L, 1_699_574_400L}, {1_700_006_400L}}, t.timestamps(),
                "a repeat keeps the latest time; dates are midnight UTC");

        TimedInteractions binary = CsvInteractions.load(interactions, items(), LoadOptions.ALL.withMinRating(0.5));
        assertArrayEquals(new int[][]{{1, 2}}, binary.data().histories(), "bob's 0.2 watch share is no interaction");
        TimedInteractions recent = CsvInteractions.load(interactions, items(),
                LoadOptions.forDataUse(new DataUseRules(List.of(), 1)));
        assertEquals(List.of("alice", "bob"), recent.userIds());
        assertArrayEquals(new int[][]{{1}, {0}}, recent.data().histories(), "2023-11-10 is more than a day before the newest");
    }

    @Test
    void forbiddenAttributesAreNotReadAndTheManifestListSaysSo() throws IOException {
        Path interactions = write("interactions.csv", "user,item,timestamp,weight", "u1,reg-3,5,1", "u2,doc-7,6,1");
        TimedInteractions all = CsvInteractions.load(interactions, items(), LoadOptions.ALL);
        assertEquals(List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP, LoadOptions.GENRE,
                LoadOptions.PROVIDER_GROUP, LoadOptions.LOCAL), all.fieldsRead(), "the weight is unread unless binarising");
        TimedInteractions restricted = CsvInteractions.load(interactions, items(),
                LoadOptions.forDataUse(new DataUseRules(List.of(LoadOptions.PROVIDER_GROUP, LoadOptions.LOCAL), null)));
        assertEquals(List.of("unknown"), restricted.data().catalogue().providerGroups());
        assertArrayEquals(new boolean[3], restricted.data().catalogue().local());
        assertEquals(all.data().catalogue().genre()[2], restricted.data().catalogue().genre()[2]);
        assertEquals(List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP, LoadOptions.GENRE), restricted.fieldsRead());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.forDataUse(new DataUseRules(List.of(LoadOptions.TIMESTAMP), null)));
        assertTrue(e.getMessage().contains("refusing to load"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LoadOptions(null, 4.0, List.of(LoadOptions.RATING)), "cannot binarise an unread rating");
    }

    @Test
    void theSameDataInAnotherLineOrderHasTheSameHash() throws IOException {
        TimedInteractions a = CsvInteractions.load(write("a.csv", "user,item,timestamp",
                "10,doc-7,3", "9,news-1,1", "b,reg-3,2", "10,news-1,4"), items(), LoadOptions.ALL);
        TimedInteractions b = CsvInteractions.load(write("b.csv", "item,timestamp,user",
                "reg-3,2,b", "news-1,4,10", "news-1,1,9", "doc-7,3,10"), items(), LoadOptions.ALL);
        assertEquals(List.of("9", "10", "b"), a.userIds(), "numeric ids numerically, then the others");
        assertEquals(a.userIds(), b.userIds());
        assertEquals(a.data().sha256(), b.data().sha256());
        assertArrayEquals(a.timestamps(), b.timestamps());
    }

    @Test
    void withoutOptionalColumnsEveryItemIsInOneUnknownGroupAndNotLocal() throws IOException {
        Path items = write("items.csv", "id", "a", "b");
        Path interactions = write("interactions.csv", "user,item,timestamp", "u1,b,5", "u1,a,6");
        TimedInteractions t = CsvInteractions.load(interactions, items, LoadOptions.ALL);
        assertEquals(List.of("unknown"), t.data().catalogue().providerGroups());
        assertEquals(List.of("unknown"), t.data().catalogue().genres());
        assertArrayEquals(new boolean[2], t.data().catalogue().local());
        assertArrayEquals(new int[][]{{0, 1}}, t.data().histories());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvInteractions.load(interactions, items, LoadOptions.ALL.withMinRating(1.0)));
        assertTrue(e.getMessage().contains("no weight column"), e.getMessage());
    }

    @Test
    void malformedLinesNameTheFileAndLine() throws IOException {
        Path items = items();
        DataFileException e = assertThrows(DataFileException.class, () -> CsvInteractions.load(
                write("bad.csv", "user,item", "alice,doc-7"), items, LoadOptions.ALL));
        assertTrue(e.getMessage().startsWith("bad.csv:1: header lacks the required column 'timestamp'"), e.getMessage());

        e = assertThrows(DataFileException.class, () -> CsvInteractions.load(
                write("bad.csv", "user,item,timestamp", "alice,doc-7,1", "bob,news-1"), items, LoadOptions.ALL));
        assertEquals("bad.csv:3: expected 3 comma-separated fields, found 2", e.getMessage());

        e = assertThrows(DataFileException.class, () -> CsvInteractions.load(
                write("bad.csv", "user,item,timestamp", "alice,doc-8,1"), items, LoadOptions.ALL));
        assertEquals("bad.csv:2: item 'doc-8' is not in items.csv", e.getMessage());

        e = assertThrows(DataFileException.class, () -> CsvInteractions.load(
                write("bad.csv", "user,item,timestamp", "alice,doc-7,yesterday"), items, LoadOptions.ALL));
        assertTrue(e.getMessage().startsWith("bad.csv:2: timestamp must be"), e.getMessage());

        Path badItems = write("badItems.csv", "id,local", "a,false", "\"b,true");
        e = assertThrows(DataFileException.class, () -> CsvInteractions.load(
                write("ok.csv", "user,item,timestamp", "u,a,1"), badItems, LoadOptions.ALL));
        assertEquals("badItems.csv:3: unterminated quoted field", e.getMessage());

        Path badLocal = write("badLocal.csv", "id,local", "a,maybe");
        e = assertThrows(DataFileException.class, () -> CsvInteractions.load(
                write("ok.csv", "user,item,timestamp", "u,a,1"), badLocal, LoadOptions.ALL));
        assertTrue(e.getMessage().startsWith("badLocal.csv:2: local must be"), e.getMessage());
    }
}

package org.mandate.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.objectives.json.Json;
import org.mandate.training.run.ModelArtifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train → evaluate → recommend through {@link Main#run}, on a tiny synthetic run trained once for the class. */
class TrainEvaluateRecommendTest {

    private static final Pattern ITEM = Pattern.compile("^\\s*\\d+\\. item (\\d+)$", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    static Path run;
    static Path mandate;
    static MainTest.Outcome trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        mandate = dir.resolve("mandate.json");
        Files.writeString(mandate, "{\"weights\": {\"relevance\": 0.7, \"novelty\": 0.3}}");
        run = dir.resolve("run");
        trained = MainTest.run("train", "--format", "synthetic", "--items", "200", "--users", "300", "--mandate", mandate.toString(),
                "--out", run.toString(), "--epochs", "2", "--seed", "7");
    }

    @Test
    void trainWritesTheArtifactAndComparesWithBaselines() {
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.isRegularFile(run.resolve(ModelArtifact.PARAMETERS)));
        assertTrue(Files.isRegularFile(run.resolve(SavedRun.MANDATE)));
        assertTrue(Files.isRegularFile(run.resolve(SavedRun.DATA_USE)));
        String out = trained.out();
        assertTrue(out.contains("epoch  2/2") && out.contains("[####################] 100 %"), out);
        assertTrue(out.contains("most-popular") && out.contains("ease") && out.contains("relevance"), out);
        assertTrue(out.contains("evaluating the baselines (most popular, EASE λ = 200.0)"), "the EASE fit is announced: " + out);
        assertTrue(out.contains("small-data settings (300 users; --preset small|large to override): hidden 600, 2 epochs, batch 100"),
                "300 users get the small-data preset, with --epochs applied: " + out);
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        assertUsage("--preset must be auto, small or large", "train", "--format", "synthetic", "--mandate", mandate.toString(),
                "--out", dir.resolve("preset").toString(), "--preset", "huge");
    }

    @Test
    void evaluateReproducesTheRecordedMetricsExactly() {
        MainTest.Outcome o = MainTest.run("evaluate", "--run", run.toString(), "--format", "synthetic", "--items", "200", "--users", "300");
        assertEquals(0, o.code(), o.err() + o.out());
        assertTrue(o.out().contains("REPRODUCED: largest difference 0.0 across"), o.out());
        // Other data than the run's is refused, not silently evaluated.
        MainTest.Outcome other = MainTest.run("evaluate", "--run", run.toString(), "--format", "synthetic", "--items", "200", "--users", "301");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("not what the run"), other.err());
    }

    @Test
    void recommendGivesKDistinctUnseenItems() {
        MainTest.Outcome o = MainTest.run("recommend", "--run", run.toString(), "--history", "0,5,17,42", "--k", "7");
        assertEquals(0, o.code(), o.err());
        List<Integer> items = items(o.out());
        assertEquals(7, items.size(), o.out());
        assertEquals(7, new HashSet<>(items).size());
        for (int seen : new int[] {0, 5, 17, 42}) assertFalse(items.contains(seen), o.out());
    }

    @Test
    void theNonProfilingListIsTheSameForEveryone() {
        String[] base = {"recommend", "--run", run.toString(), "--non-profiling", "--format", "synthetic", "--items", "200",
                "--users", "300", "--mandate", mandate.toString(), "--history"};
        MainTest.Outcome a = MainTest.run(concat(base, "1,2,3"));
        MainTest.Outcome b = MainTest.run(concat(base, "150,160"));
        assertEquals(0, a.code(), a.err());
        assertEquals(10, items(a.out()).size(), a.out());
        assertEquals(items(a.out()), items(b.out()));
        assertNotEquals(items(a.out()), items(MainTest.run("recommend", "--run", run.toString(), "--history", "1,2,3").out()));
    }

    @Test
    void badInputsAreUsageErrors() throws IOException {
        String r = run.toString();
        assertUsage("unknown item index 200", "recommend", "--run", r, "--history", "3,200");
        assertUsage("'x' is not one", "recommend", "--run", r, "--history", "3,x");
        assertUsage("not a readable model artifact", "recommend", "--run", dir.resolve("nowhere").toString(), "--history", "1");
        assertUsage("--format must be one of", "train", "--format", "movielens-25m", "--data", r, "--mandate", mandate.toString(), "--out", r);
        assertUsage("no such file", "train", "--format", "movielens-100k", "--data", dir.resolve("ml-missing").toString(),
                "--mandate", mandate.toString(), "--out", dir.resolve("x").toString());
        assertUsage("cannot read mandate", "train", "--format", "synthetic", "--mandate", dir.resolve("none.json").toString(), "--out", r);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"weights\": {\"relevance\": 0.5}");
        assertUsage("is not a valid mandate", "train", "--format", "synthetic", "--mandate", broken.toString(), "--out", r);
        Path halves = Files.writeString(dir.resolve("halves.json"), "{\"weights\": {\"relevance\": 0.5}}");
        assertUsage("sum to 1", "train", "--format", "synthetic", "--mandate", halves.toString(), "--out", r);
        assertUsage("is a file, not a directory", "train", "--format", "synthetic", "--mandate", mandate.toString(), "--out", mandate.toString());
        assertUsage("only used with --non-profiling", "recommend", "--run", r, "--history", "1", "--format", "synthetic");
        assertUsage("--out is required", "train", "--format", "synthetic", "--mandate", mandate.toString());
        assertUsage("unknown option --ease-lambda", "train", "--format", "synthetic", "--mandate", mandate.toString(),
                "--out", r, "--ease-lambda", "50");
    }

    /** A CSV export with timestamps: the age limit is applied by the loader and accounted for in data-use.json. */
    @Test
    void csvWithAnAgeLimitRecordsWhatTheFilterRemoved() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder items = new StringBuilder("id,genre,provider_group,local\n");
        for (int i = 0; i < 60; i++) items.append("p").append(i).append(',').append(i % 2 == 0 ? "news" : "drama").append(',')
                .append(i % 3 == 0 ? "in-house" : "independent").append(',').append(i % 5 == 0).append('\n');
        StringBuilder rows = new StringBuilder("user,item,timestamp\n");
        long newest = 1_700_000_000L;
        for (int u = 0; u < 120; u++) {
            // Users 0..9 only watched long ago: the 30-day limit removes them entirely.
            long age = u < 10 ? 60 : 0;
            for (int j = 0; j < 8; j++) {
                rows.append("u").append(u).append(",p").append(rng.nextInt(60)).append(',')
                        .append(newest - (age + rng.nextInt(20)) * 86_400L).append('\n');
            }
        }
        rows.append("u0,p1,").append(newest).append('\n');
        Path itemsCsv = Files.writeString(dir.resolve("items.csv"), items);
        Path rowsCsv = Files.writeString(dir.resolve("interactions.csv"), rows);
        Path aged = Files.writeString(dir.resolve("aged.json"),
                "{\"weights\": {\"relevance\": 1.0}, \"data_use\": {\"forbidden_attributes\": [\"items.local\"], \"max_interaction_age_days\": 30}}");
        Path out = dir.resolve("csv-run");
        MainTest.Outcome o = MainTest.run("train", "--format", "csv", "--data", rowsCsv.toString(), "--items", itemsCsv.toString(),
                "--mandate", aged.toString(), "--out", out.toString(), "--epochs", "1");
        assertEquals(0, o.code(), o.err() + o.out());
        Map<String, Object> use = Json.parseObject(Files.readString(out.resolve(SavedRun.DATA_USE), StandardCharsets.UTF_8));
        assertFalse(((List<?>) use.get("fields_read")).contains("items.local"), use.toString());
        Map<?, ?> filter = (Map<?, ?>) use.get("age_filter");
        assertEquals(9, ((Number) filter.get("users_removed")).intValue(), use.toString());
        assertTrue(((Number) filter.get("interactions_removed")).intValue() >= 9 * 7, use.toString());
        // The run is trained under the given mandate, age limit included: the trainer applied it itself.
        Map<String, Object> manifest = Json.parseObject(Files.readString(out.resolve(ModelArtifact.MANIFEST), StandardCharsets.UTF_8));
        assertEquals(use.get("mandate_sha256"), manifest.get("mandate_sha256"));
        assertEquals(filter, ((Map<?, ?>) manifest.get("data_use")).get("age_filter"));
        assertEquals(org.mandate.objectives.mandate.Mandate.fromJson(Files.readString(aged)).sha256(), manifest.get("mandate_sha256"));
        MainTest.Outcome again = MainTest.run("evaluate", "--run", out.toString(), "--format", "csv", "--data", rowsCsv.toString(),
                "--items", itemsCsv.toString());
        assertEquals(0, again.code(), again.err() + again.out());
    }

    /** A run resumed from its checkpoint directory gives the same model; another mandate's checkpoint is refused. */
    @Test
    void trainResumesFromItsCheckpointAndRefusesAForeignOne() throws IOException {
        Path out = dir.resolve("resumed");
        String[] base = {"train", "--format", "synthetic", "--items", "200", "--users", "300", "--out", out.toString(), "--epochs", "2",
                "--seed", "7", "--checkpoint", dir.resolve("ckpt").toString(), "--mandate"};
        MainTest.Outcome first = MainTest.run(concat(base, mandate.toString()));
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.isRegularFile(dir.resolve("ckpt").resolve("training.ckpt")), "a checkpoint was written");
        MainTest.Outcome resumed = MainTest.run(concat(concat(base, mandate.toString()), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(sha(run), sha(out), "the same model as the run trained once for the class");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"weights\": {\"relevance\": 0.6, \"novelty\": 0.4}}");
        assertUsage("belongs to another run", concat(concat(base, other.toString()), "--resume"));
        assertUsage("no checkpoint directory", "train", "--format", "synthetic", "--mandate", mandate.toString(), "--out",
                dir.resolve("fresh").toString(), "--resume");
    }

    private static Object sha(Path runDir) throws IOException {
        return Json.parseObject(Files.readString(runDir.resolve(ModelArtifact.MANIFEST), StandardCharsets.UTF_8)).get("model_sha256");
    }

    private static void assertUsage(String message, String... argv) {
        MainTest.Outcome o = MainTest.run(argv);
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(message), o.err());
    }

    private static List<Integer> items(String out) {
        List<Integer> items = new ArrayList<>();
        Matcher m = ITEM.matcher(out);
        while (m.find()) items.add(Integer.parseInt(m.group(1)));
        return items;
    }

    private static String[] concat(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}

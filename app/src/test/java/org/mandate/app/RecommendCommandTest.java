package org.mandate.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code recommend --user U --weights ...} on a tiny run whose mandate lets users move 0.3 of the weight. */
class RecommendCommandTest {

    private static final Pattern ITEM = Pattern.compile("^\\s*\\d+\\. item (\\d+)$", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    static Path run;

    private static final String[] DATA = {"--format", "synthetic", "--items", "200", "--users", "300"};

    @BeforeAll
    static void trainOnce() throws IOException {
        Path mandate = dir.resolve("mandate.json");
        Files.writeString(mandate, "{\"weights\": {\"relevance\": 0.7, \"novelty\": 0.3},"
                + " \"personalisation\": {\"max_shift\": 0.3, \"locked\": [\"novelty\"]}}");
        run = dir.resolve("run");
        MainTest.Outcome trained = MainTest.run("train", "--format", "synthetic", "--items", "200", "--users", "300", "--mandate", mandate.toString(),
                "--out", run.toString(), "--epochs", "2", "--seed", "7");
        assertEquals(0, trained.code(), trained.err());
    }

    private static MainTest.Outcome recommend(String... more) {
        List<String> argv = new ArrayList<>(List.of("recommend", "--run", run.toString()));
        argv.addAll(List.of(more));
        return MainTest.run(argv.toArray(String[]::new));
    }

    private static List<Integer> items(String out) {
        List<Integer> items = new ArrayList<>();
        Matcher m = ITEM.matcher(out);
        while (m.find()) items.add(Integer.parseInt(m.group(1)));
        return items;
    }

    private static String[] with(String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of(DATA));
        return all.toArray(String[]::new);
    }

    @Test
    void aUsersListForTheVotedAndForTheirOwnWeights() {
        MainTest.Outcome voted = recommend(with("--user", "5"));
        assertEquals(0, voted.code(), voted.err());
        assertEquals(10, items(voted.out()).size());
        assertTrue(voted.out().contains("Weights: novelty=0.30,relevance=0.70 (0.000 from the voted weights"), voted.out());
        MainTest.Outcome own = recommend(with("--user", "5", "--weights", "novelty=0.6,relevance=0.4"));
        assertEquals(0, own.code(), own.err());
        assertTrue(own.out().contains("Weights: novelty=0.60,relevance=0.40 (0.300 from"), own.out());
        assertNotEquals(items(voted.out()), items(own.out()));
        MainTest.Outcome other = recommend(with("--user", "6"));
        assertNotEquals(items(voted.out()), items(other.out()));
    }

    @Test
    void weightsOutsideTheMandatesRulesAreRefused() {
        MainTest.Outcome far = recommend(with("--user", "5", "--weights", "novelty=0.8,relevance=0.2"));
        assertEquals(2, far.code());
        assertTrue(far.err().contains("weights refused (shift-too-large)"), far.err());
        MainTest.Outcome locked = recommend(with("--user", "5", "--weights", "novelty=0.1,relevance=0.9"));
        assertTrue(locked.err().contains("locked-objective-lowered"), locked.err());
        assertTrue(recommend(with("--user", "5", "--weights", "novelty=x")).err().contains("not a number"));
        assertTrue(recommend(with("--user", "300")).err().contains("--user must be a user index 0..299"));
        assertTrue(recommend(with("--user", "5", "--history", "1,2")).err().contains("not both"));
    }

    @Test
    void theNonProfilingListTakesWeightsButNoUser() {
        MainTest.Outcome shared = recommend(with("--non-profiling"));
        MainTest.Outcome moved = recommend(with("--non-profiling", "--weights", "novelty=0.6,relevance=0.4"));
        assertEquals(0, moved.code(), moved.err());
        assertNotEquals(items(shared.out()), items(moved.out()));
        assertTrue(recommend(with("--non-profiling", "--user", "5")).err().contains("reads no user"));
    }
}

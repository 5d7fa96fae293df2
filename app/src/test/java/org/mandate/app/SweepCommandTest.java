package org.mandate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.training.sweep.SweepFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mandate sweep} through {@link Main#run}, on tiny synthetic data with two epochs per point. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private Path mandate(String json) throws IOException {
        Path m = dir.resolve("mandate.json");
        Files.writeString(m, json);
        return m;
    }

    @Test
    void sweepsTheMandatesObjectivesAndWritesTheFileTheChartAndATable() throws IOException {
        Path m = mandate("{\"weights\": {\"relevance\": 0.7, \"novelty\": 0.3}}");
        Path out = dir.resolve("sweep");
        MainTest.Outcome o = MainTest.run("sweep", "--format", "synthetic", "--items", "150", "--users", "240", "--mandate", m.toString(),
                "--step", "0.5", "--out", out.toString(), "--epochs", "2", "--seed", "3");
        assertEquals(0, o.code(), o.err() + o.out());
        // Progress: every epoch of every run, and each point as it finishes.
        assertTrue(o.out().contains("point 1/3") && o.out().contains("point 3/3") && o.out().contains("[####################] 100 %"), o.out());
        assertTrue(o.out().contains("epoch  2/2"), o.out());

        SweepFile file = SweepFile.read(out.resolve(SweepCommand.FILE));
        assertEquals(List.of("novelty", "relevance"), file.objectives());
        assertEquals(0.5, file.step());
        assertEquals(3, file.points().size());
        assertEquals(Map.of("novelty", 0.0, "relevance", 1.0), file.points().get(2).weights());
        assertTrue(file.points().stream().anyMatch(SweepFile.Point::nonDominated));
        for (SweepFile.Point p : file.points()) {
            assertEquals(9, p.metrics().size(), "every catalogue metric at every point");
            assertEquals(SweepCommand.EXAMPLE_USERS, p.exampleSlates().size());
            assertEquals(file.points().getFirst().exampleSlates().stream().map(s -> s.user()).toList(),
                    p.exampleSlates().stream().map(s -> s.user()).toList());
            p.exampleSlates().forEach(s -> assertEquals(5, s.items().size()));
        }
        // All weight on novelty buys novelty.
        assertTrue(file.points().get(0).metrics().get("novelty") > file.points().get(2).metrics().get("novelty"), o.out());

        String svg = Files.readString(out.resolve(SweepCommand.CHART));
        assertTrue(svg.startsWith("<svg") && svg.trim().endsWith("</svg>"), svg);
        long front = file.points().stream().filter(SweepFile.Point::nonDominated).count();
        assertEquals(front, svg.split("\\(non-dominated\\)", -1).length - 1, "one highlighted mark per non-dominated point");
        // The table: one row per point, the non-dominated ones starred.
        long rows = o.out().lines().filter(l -> l.matches("^ [ *]\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d\\s+.*")).count();
        assertEquals(3, rows, o.out());
        assertEquals(front, o.out().lines().filter(l -> l.matches("^ \\*\\s+\\d\\.\\d\\d.*")).count(), o.out());
    }

    @Test
    void refusesWhatCannotBeSweptBeforeTraining() throws IOException {
        Path out = dir.resolve("never");
        MainTest.Outcome one = MainTest.run("sweep", "--format", "synthetic", "--items", "150", "--users", "240",
                "--mandate", mandate("{\"weights\": {\"relevance\": 1.0}}").toString(), "--out", out.toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("at least two objectives"), one.err());

        MainTest.Outcome step = MainTest.run("sweep", "--format", "synthetic", "--items", "150", "--users", "240",
                "--mandate", mandate("{\"weights\": {\"relevance\": 0.5, \"novelty\": 0.5}}").toString(), "--out", out.toString(),
                "--step", "0.3");
        assertEquals(2, step.code());
        assertTrue(step.err().contains("--step") && step.err().contains("must divide 1"), step.err());

        MainTest.Outcome junk = MainTest.run("sweep", "--format", "synthetic", "--mandate", dir.resolve("mandate.json").toString(),
                "--out", out.toString(), "--step", "many");
        assertEquals(2, junk.code());
        assertTrue(junk.err().contains("--step must be a number"), junk.err());
        assertFalse(Files.exists(out), "nothing is written for a refused sweep");
    }
}

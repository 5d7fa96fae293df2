package org.mandate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.deliberation.jobs.TrainingSettings;
import org.mandate.training.train.LearningRateSchedule;
import org.mandate.training.train.TrainerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code serve}'s training settings: real data loaded at start and sized by it; the quick synthetic default kept. */
class ServeTrainingSettingsTest {

    @TempDir
    static Path dir;

    private static Args args(String... words) {
        return Args.parse(List.of(words), java.util.Set.of("data", "db", "host", "port", "runs", "format", "dataset", "items", "users",
                "seed", "epochs", "preset"));
    }

    private static Path[] csv(int users) throws IOException {
        StringBuilder items = new StringBuilder("id,genre,provider_group,local\n");
        for (int i = 0; i < 40; i++) items.append("p").append(i).append(",news,in-house,false\n");
        StringBuilder rows = new StringBuilder("user,item,timestamp\n");
        for (int u = 0; u < users; u++) for (int j = 0; j < 5; j++) rows.append("u").append(u).append(",p").append((u + 7 * j) % 40)
                .append(',').append(1_700_000_000L + j).append('\n');
        return new Path[]{Files.writeString(dir.resolve("items-" + users + ".csv"), items),
                Files.writeString(dir.resolve("rows-" + users + ".csv"), rows)};
    }

    private static String[] real(Path[] csv, String... more) {
        List<String> w = new ArrayList<>(List.of("--format", "csv", "--dataset", csv[1].toString(), "--items", csv[0].toString(),
                "--runs", dir.resolve("runs").toString()));
        w.addAll(Arrays.asList(more));
        return w.toArray(String[]::new);
    }

    @Test
    void realDataIsLoadedAtStartAndItsSizeChoosesTheTrainersSettings() throws IOException {
        TrainingSettings small = ServeCommand.training(args(real(csv(120))));
        assertEquals(TrainerConfig.movieLens100k(42), small.trainer(), "120 users: the small-data preset");
        assertEquals(LearningRateSchedule.COSINE, small.trainer().schedule());
        assertTrue(small.description().contains("small-data settings (120 users"), small.description());
        assertEquals(TrainerConfig.defaults(42).withEpochs(3, 1), ServeCommand.training(args(real(csv(120), "--preset", "large", "--epochs", "3"))).trainer());
    }

    @Test
    void aMalformedFileStopsTheServerAtStartWithItsLineNumber() throws IOException {
        Path[] good = csv(30);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "user,item,timestamp\nu1,p1,1700000000\nu2,p2,yesterday\n");
        Args.UsageException e = assertThrows(Args.UsageException.class, () -> ServeCommand.training(args(real(new Path[]{good[0], bad}))));
        assertTrue(e.getMessage().contains("bad.csv:3: timestamp"), e.getMessage());
    }

    @Test
    void theSyntheticDefaultKeepsTheServersQuickSettingsUnlessAPresetIsAsked() {
        TrainerConfig quick = ServeCommand.training(args("--runs", dir.resolve("runs").toString())).trainer();
        assertEquals(TrainingSettings.defaults(dir).trainer().hidden(), quick.hidden());
        assertEquals(TrainingSettings.defaults(dir).trainer().epochs(), quick.epochs());
        assertEquals(TrainerConfig.movieLens100k(42), ServeCommand.training(args("--preset", "auto", "--runs", dir.resolve("runs").toString())).trainer());
        assertThrows(Args.UsageException.class, () -> ServeCommand.training(args("--preset", "huge")));
    }
}

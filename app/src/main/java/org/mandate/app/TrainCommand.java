package org.mandate.app;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.BoundCheck;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.CheckpointRefused;
import org.mandate.training.train.CheckpointStore;
import org.mandate.training.train.MetricEstimate;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code mandate train}: loads data without the fields the mandate forbids, trains the Mult-DAE under the whole mandate
 * (the trainer applies the age limit and enforces floors and ceilings), checkpointing every epoch to {@code --checkpoint}
 * (default {@code <out>/checkpoint}) and continuing from it with {@code --resume}, writes the artifact (plus
 * {@code mandate.json} and {@code data-use.json}) and prints it beside the run's baselines, MostPopular and EASE.
 */
final class TrainCommand {

    private TrainCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Stream.concat(DataSource.OPTIONS.stream(),
                Stream.of("mandate", "out", "epochs", "seed", "checkpoint", "preset")).collect(java.util.stream.Collectors.toSet()),
                Set.of("resume"));
        Mandate mandate = MandateFile.read(Path.of(args.require("mandate")));
        Path outDir = Path.of(args.require("out"));
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new Args.UsageException("--out " + outDir + " is a file, not a directory");
        Path checkpointDir = Path.of(args.get("checkpoint", outDir.resolve("checkpoint").toString()));
        if (Files.exists(checkpointDir) && !Files.isDirectory(checkpointDir)) {
            throw new Args.UsageException("--checkpoint " + checkpointDir + " is a file, not a directory");
        }
        boolean resume = args.has("resume");
        if (resume && !Files.isDirectory(checkpointDir)) {
            throw new Args.UsageException("--resume: there is no checkpoint directory " + checkpointDir);
        }
        long seed = args.getInt("seed", 42);
        TrainerPreset preset = TrainerPreset.of(args);
        for (String forbidden : mandate.dataUse().forbiddenAttributes()) {
            if (TrainingRun.DATA_FIELDS_READ.contains(forbidden)) {
                throw new Args.UsageException("the mandate forbids '" + forbidden + "', which the trainer needs; refusing to train");
            }
        }
        for (Bound b : mandate.bounds()) {
            if (!MetricEstimate.SUPPORTED.contains(b.objective())) {
                throw new Args.UsageException("the mandate bounds '" + b.objective() + "', which the trainer cannot enforce (it can bound "
                        + String.join(", ", MetricEstimate.SUPPORTED) + ")");
            }
        }

        Console console = new Console(out, 4);
        console.step("Loading the data without the fields the mandate forbids");
        DataSource.Loaded loaded = DataSource.load(args, mandate.dataUse(), seed);
        InteractionData all = loaded.timed() == null ? loaded.data() : loaded.timed().data();
        console.detail("%d users, %d items, %d interactions; fields read: %s", all.userCount(), all.itemCount(),
                all.interactionCount(), loaded.dataUse().get("fields_read"));
        TrainerConfig config = preset.config(all.userCount(), seed, args);
        console.detail("%s", preset.describe(all.userCount(), config));

        console.step("Training the Mult-DAE under the mandate (calibration runs first, one per weighted objective)");
        console.detail("checkpoint after every epoch in %s%s", checkpointDir, resume ? " (resuming from it)" : "");
        ProgressListener progress = new ProgressListener() {
            @Override
            public void epochFinished(String phase, int epoch, int epochs, double loss, double seconds) {
                console.detail("%-26s %s epoch %2d/%d  loss %8.4f  %.1f s", phase, Console.bar(epoch, epochs), epoch, epochs, loss, seconds);
            }

            @Override
            public void stepStarted(String description) {
                console.detail("%s", description);
            }
        };
        CheckpointStore checkpoints = CheckpointStore.in(checkpointDir, resume);
        TrainingResult result;
        try {
            // Timed data: the trainer applies the age limit itself, counting from the newest interaction.
            result = loaded.timed() == null
                    ? TrainingRun.execute(loaded.data(), HoldoutSplit.standard(loaded.data(), seed), mandate, config, progress, checkpoints)
                    : TrainingRun.execute(loaded.timed(), loaded.reference(), seed, mandate, config, progress, checkpoints);
        } catch (CheckpointRefused e) {
            throw new Args.UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            // The data-use rules left too little data, or a reference the data contradicts.
            throw new Args.UsageException(e.getMessage());
        }
        if (result.manifest().dataUse().get("age_filter") instanceof Map<?, ?> filter) {
            console.detail("age limit %s days before %s: removed %s interaction(s) and %s user(s) before training",
                    mandate.dataUse().maxInteractionAgeDays(), filter.get("reference"), filter.get("interactions_removed"), filter.get("users_removed"));
        }

        console.step("Writing the model artifact to " + outDir);
        ModelArtifact.write(result, outDir);
        writeDataUse(outDir, mandate, loaded.dataUse(), result.manifest().dataUse());
        write(outDir.resolve(SavedRun.MANDATE), mandate.canonicalJson());
        console.detail("%s, %s, %s and %s (model SHA-256 %s)", ModelArtifact.PARAMETERS, ModelArtifact.MANIFEST,
                SavedRun.MANDATE, SavedRun.DATA_USE, result.manifest().modelSha256());

        out.println();
        out.printf(java.util.Locale.ROOT, "Held-out evaluation on %d users (top %d):%n", result.evaluation().users(), config.k());
        LinkedHashMap<String, Map<String, Double>> columns = new LinkedHashMap<>();
        columns.put("model", MetricTable.values(result.evaluation()));
        // Evaluated by the run beside the model, on the same held-out users (also in the manifest under "baselines").
        columns.put("most-popular", MetricTable.values(result.baselines().mostPopular()));
        columns.put("ease", MetricTable.values(result.baselines().ease()));
        MetricTable.print(out, result.evaluation(), columns);
        for (BoundCheck b : result.bounds()) {
            out.printf(java.util.Locale.ROOT, "%s %s %s: %.4f on held-out users, %s%n", b.objective(),
                    b.kind() == Bound.Kind.FLOOR ? "floor" : "ceiling", b.threshold(), b.achieved(), b.met() ? "met" : "MISSED");
        }
        return 0;
    }

    private static void writeDataUse(Path dir, Mandate mandate, Map<String, Object> loaded, Map<String, Object> applied) {
        Map<String, Object> json = new LinkedHashMap<>(loaded);
        json.put("age_filter", applied.get("age_filter"));
        json.put("mandate_sha256", mandate.sha256());
        json.put("note", "fields_read lists every field the loader read. The run was trained under the given mandate "
                + "(mandate.json, the hash manifest.json names); the trainer applied its age limit itself before reading the "
                + "data, and age_filter (also in manifest.json under data_use) says what it removed.");
        write(dir.resolve(SavedRun.DATA_USE), CanonicalJson.write(json));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

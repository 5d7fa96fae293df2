package org.mandate.app;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Ease;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.MostPopular;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
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
 * {@code mandate train}: loads data under the mandate's data-use rules, trains the Mult-DAE under the mandate,
 * writes the artifact (plus {@code mandate.json} and {@code data-use.json}) and compares it with MostPopular and EASE.
 */
final class TrainCommand {

    private TrainCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Stream.concat(DataSource.OPTIONS.stream(),
                Stream.of("mandate", "out", "epochs", "seed", "ease-lambda")).collect(java.util.stream.Collectors.toSet()));
        Mandate given = MandateFile.read(Path.of(args.require("mandate")));
        Path outDir = Path.of(args.require("out"));
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new Args.UsageException("--out " + outDir + " is a file, not a directory");
        long seed = args.getInt("seed", 42);
        double easeLambda = positive(args.get("ease-lambda", "200"));
        TrainerConfig config = TrainerConfig.defaults(seed);
        // The calibration runs as long as the training anyway (effectiveCalibrationEpochs), so --epochs sets both.
        if (args.has("epochs")) config = config.withEpochs(args.getInt("epochs", config.epochs()), 1);
        for (String forbidden : given.dataUse().forbiddenAttributes()) {
            if (TrainingRun.DATA_FIELDS_READ.contains(forbidden)) {
                throw new Args.UsageException("the mandate forbids '" + forbidden + "', which the trainer needs; refusing to train");
            }
        }

        Console console = new Console(out, 4);
        console.step("Loading the data under the mandate's data-use rules");
        DataSource.Loaded loaded = DataSource.load(args, given.dataUse(), seed);
        InteractionData data = loaded.data();
        console.detail("%d users, %d items, %d interactions; fields read: %s", data.userCount(), data.itemCount(),
                data.interactionCount(), loaded.dataUse().get("fields_read"));
        if (loaded.dataUse().get("age_filter") instanceof Map<?, ?> filter) {
            console.detail("age limit %s days: removed %s interaction(s) and %s user(s)", given.dataUse().maxInteractionAgeDays(),
                    filter.get("interactions_removed"), filter.get("users_removed"));
        }
        // The loader already dropped interactions past the age limit; InteractionData has no timestamps, so the
        // trainer would refuse any age limit. It trains under the same mandate minus the limit it cannot check.
        Mandate trained = withoutAgeLimit(given);
        HoldoutSplit split = HoldoutSplit.standard(data, seed);

        console.step("Training the Mult-DAE under the mandate (calibration runs first, one per weighted objective)");
        TrainingResult result = TrainingRun.execute(data, split, trained, config, (phase, epoch, epochs, loss, seconds) ->
                console.detail("%-26s %s epoch %2d/%d  loss %8.4f  %.1f s", phase, Console.bar(epoch, epochs), epoch, epochs, loss, seconds));

        console.step("Writing the model artifact to " + outDir);
        ModelArtifact.write(result, outDir);
        writeDataUse(outDir, given, trained, loaded.dataUse());
        write(outDir.resolve(SavedRun.MANDATE), trained.canonicalJson());
        console.detail("%s, %s, %s and %s (model SHA-256 %s)", ModelArtifact.PARAMETERS, ModelArtifact.MANIFEST,
                SavedRun.MANDATE, SavedRun.DATA_USE, result.manifest().modelSha256());

        console.step("Evaluating the baselines on the same held-out users");
        InteractionData training = split.trainingData(data);
        Evaluator evaluator = new Evaluator(training.features(), config.k());
        Evaluation popular = evaluator.evaluate(new MostPopular(training), split, trained.exposureTargets());
        console.detail("%s MostPopular", Console.bar(1, 2));
        Evaluation ease = evaluator.evaluate(new Ease(training, easeLambda), split, trained.exposureTargets());
        console.detail("%s EASE (lambda %s)", Console.bar(2, 2), easeLambda);
        out.println();
        out.printf(java.util.Locale.ROOT, "Held-out evaluation on %d users (top %d):%n", result.evaluation().users(), config.k());
        LinkedHashMap<String, Map<String, Double>> columns = new LinkedHashMap<>();
        columns.put("model", MetricTable.values(result.evaluation()));
        columns.put("most-popular", MetricTable.values(popular));
        columns.put("ease", MetricTable.values(ease));
        MetricTable.print(out, result.evaluation(), columns);
        return 0;
    }

    static Mandate withoutAgeLimit(Mandate m) {
        if (m.dataUse().maxInteractionAgeDays() == null) return m;
        return new Mandate(m.weights(), m.bounds(), new DataUseRules(m.dataUse().forbiddenAttributes(), null),
                m.exposureTargets(), m.provenance());
    }

    private static void writeDataUse(Path dir, Mandate given, Mandate trained, Map<String, Object> account) {
        Map<String, Object> json = new LinkedHashMap<>(account);
        json.put("mandate_sha256_given", given.sha256());
        json.put("mandate_sha256_trained", trained.sha256());
        json.put("note", given == trained
                ? "The run was trained under the given mandate; fields_read lists every field the loader read."
                : "The loader dropped every interaction older than max_interaction_age_days before the newest one (age_filter "
                        + "says how many). The model sees no timestamps, so it was trained under a copy of the given mandate "
                        + "without the age limit (mandate_sha256_trained, the hash manifest.json names and mandate.json holds); "
                        + "all other rules are unchanged.");
        write(dir.resolve(SavedRun.DATA_USE), CanonicalJson.write(json));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static double positive(String value) {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new Args.UsageException("--ease-lambda must be a positive number, got '" + value + "'");
    }
}

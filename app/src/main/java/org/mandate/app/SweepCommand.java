package org.mandate.app;

import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.sweep.SweepFile;
import org.mandate.training.sweep.SweepResult;
import org.mandate.training.sweep.WeightSweep;
import org.mandate.training.train.TrainerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code mandate sweep}: trains one model per point of a simplex lattice over the objectives the mandate weighs
 * ({@link WeightSweep}), and writes {@code sweep.json} ({@link SweepFile}, the {@code mandate-sweep/1} file the
 * deliberation API loads for a panel's trade-off explorer), {@code sweep.svg} (the non-dominated set) and a table
 * on stdout. The mandate contributes its objectives, data-use rules, bounds and exposure targets; its weights only
 * say which objectives are swept.
 */
final class SweepCommand {

    static final String FILE = "sweep.json";
    static final String CHART = "sweep.svg";
    /** Example users whose slates every point carries (the format's "two fixed held-out users"). */
    static final int EXAMPLE_USERS = 2;

    private SweepCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Stream.concat(DataSource.OPTIONS.stream(),
                Stream.of("mandate", "out", "step", "epochs", "seed", "preset")).collect(Collectors.toSet()));
        Mandate given = MandateFile.read(Path.of(args.require("mandate")));
        Path outDir = Path.of(args.require("out"));
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new Args.UsageException("--out " + outDir + " is a file, not a directory");
        double step = step(args.get("step", "0.25"));
        List<String> objectives = given.weights().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (objectives.size() < 2) {
            throw new Args.UsageException("the mandate weighs " + objectives + "; a sweep needs at least two objectives with positive weight");
        }
        int points;
        try {
            points = WeightSweep.lattice(objectives, step).size();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--step: " + e.getMessage());
        }
        long seed = args.getInt("seed", 42);
        TrainerPreset preset = TrainerPreset.of(args);

        Console console = new Console(out, 4);
        console.step("Loading the data under the mandate's data-use rules");
        DataSource.Loaded loaded = DataSource.load(args, given.dataUse(), seed);
        InteractionData data = loaded.data();
        console.detail("%d users, %d items, %d interactions; fields read: %s", data.userCount(), data.itemCount(),
                data.interactionCount(), loaded.dataUse().get("fields_read"));
        TrainerConfig config = preset.config(data.userCount(), seed, args);
        console.detail("%s", preset.describe(data.userCount(), config));
        // The loader already applied any age limit; the data has no timestamps left for the trainer to re-check.
        Mandate template = withoutAgeLimit(given);
        HoldoutSplit split = HoldoutSplit.standard(data, seed);

        console.step(String.format(Locale.ROOT, "Training %d lattice points over %s, step %s (%d epochs each, calibration first)",
                points, String.join(", ", objectives), step, config.epochs()));
        SweepResult result;
        try {
            result = WeightSweep.run(data, split, template, step, config,
                    (phase, epoch, epochs, loss, seconds) -> console.detail("  %-26s epoch %2d/%d  loss %8.4f  %.1f s", phase, epoch, epochs, loss, seconds),
                    EXAMPLE_USERS, (index, total, point) -> console.detail("%s point %d/%d %s: %s (%.1f s)", Console.bar(index, total),
                            index, total, weights(point.weights()), metrics(point.weights().keySet(), point), point.seconds()));
        } catch (IllegalArgumentException e) {
            // Data too small for example users, a mandate the trainer refuses: the caller's input.
            throw new Args.UsageException(e.getMessage());
        }

        console.step("Writing " + outDir.resolve(FILE) + " and " + outDir.resolve(CHART));
        SweepFile file = SweepFile.of(result);
        file.write(outDir.resolve(FILE));
        // Read back with the same checks a panel's server applies, so a file that leaves here is one it accepts.
        SweepFile.read(outDir.resolve(FILE));
        write(outDir.resolve(CHART), SweepChart.svg(file));
        console.detail("%d points, %d non-dominated; example users %s", file.points().size(),
                file.points().stream().filter(SweepFile.Point::nonDominated).count(),
                file.points().getFirst().exampleSlates().stream().map(s -> s.user()).toList());

        console.step("Trade-offs (held-out users, top " + file.k() + "; * = non-dominated)");
        table(out, file);
        return 0;
    }

    /** One row per point: its weight on each swept objective, then each swept objective's metric; * marks the front. */
    static void table(PrintStream out, SweepFile file) {
        StringBuilder ids = new StringBuilder("  "), labels = new StringBuilder("  ");
        for (String id : file.objectives()) {
            ids.append(String.format(Locale.ROOT, " %12s", clip("w:" + id, 12)));
            labels.append(" ".repeat(13));
        }
        for (String id : file.objectives()) {
            ids.append(String.format(Locale.ROOT, " %24s", clip(id, 24)));
            labels.append(String.format(Locale.ROOT, " %24s", clip(file.metricLabels().getOrDefault(id, id), 24)));
        }
        out.println(ids);
        out.println(labels);
        for (SweepFile.Point p : file.points()) {
            StringBuilder line = new StringBuilder(p.nonDominated() ? " *" : "  ");
            for (String id : file.objectives()) line.append(String.format(Locale.ROOT, " %12.2f", p.weights().get(id)));
            for (String id : file.objectives()) line.append(String.format(Locale.ROOT, " %24.4f", p.metrics().get(id)));
            out.println(line);
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String weights(Map<String, Double> w) {
        return w.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue())).collect(Collectors.joining(" "));
    }

    private static String metrics(java.util.Set<String> ids, org.mandate.training.sweep.SweepPoint point) {
        return ids.stream().map(id -> String.format(Locale.ROOT, "%s %.4f", point.evaluation().metric(id).metric(), point.value(id)))
                .collect(Collectors.joining(", "));
    }

    private static double step(String value) {
        try {
            double s = Double.parseDouble(value);
            if (s > 0 && s <= 1) return s;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Args.UsageException("--step must be a number in (0, 1] that divides 1, such as 0.25, got '" + value + "'");
    }

    private static Mandate withoutAgeLimit(Mandate m) {
        if (m.dataUse().maxInteractionAgeDays() == null) return m;
        return new Mandate(m.weights(), m.bounds(), new DataUseRules(m.dataUse().forbiddenAttributes(), null),
                m.exposureTargets(), m.provenance());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

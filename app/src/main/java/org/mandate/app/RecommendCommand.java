package org.mandate.app;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.NonProfilingRanking;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code mandate recommend}: a trained run's top k for one viewing history, or with {@code --non-profiling}
 * the list not based on profiling (DSA art. 38) that everyone gets, whatever their history. Items are the dense
 * indices 0..I-1 of the data the run was trained on (the manifest's data), printed as {@code item N}.
 */
final class RecommendCommand {

    private RecommendCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Stream.concat(DataSource.OPTIONS.stream(), Stream.of("run", "history", "k", "mandate", "seed"))
                .collect(Collectors.toSet()), Set.of("non-profiling"));
        SavedRun run = SavedRun.open(Path.of(args.require("run")));
        int k = args.getInt("k", 10);
        boolean nonProfiling = args.has("non-profiling");
        int[] history = args.has("history") || !nonProfiling ? history(args.require("history"), run.itemCount()) : new int[0];
        if (!nonProfiling) {
            if (Stream.concat(DataSource.OPTIONS.stream(), Stream.of("mandate", "seed")).anyMatch(args::has)) {
                throw new Args.UsageException("--mandate, --seed and the data options are only used with --non-profiling");
            }
            double[] scores = run.artifact().model().scores(new int[][] {history})[0];
            print(out, Evaluator.topK(scores, history, k));
            return 0;
        }
        Mandate mandate = args.has("mandate") ? MandateFile.read(Path.of(args.require("mandate"))) : run.mandate();
        InteractionData data = DataSource.load(args, args.has("mandate") ? mandate.dataUse() : run.loadRules(),
                args.has("seed") ? args.getInt("seed", 42) : run.seed()).data();
        // Popularity is measured on the run's training users, as the model's own evaluation does.
        InteractionData training = run.split(data).trainingData(data);
        // NONE rather than CONSUMED: skipping seen items would already be a use of the viewer's history.
        NonProfilingRanking ranking = new NonProfilingRanking(training, mandate, NonProfilingRanking.Exclusion.NONE);
        out.println("Not based on profiling (DSA art. 38): the same list for everyone; no viewing history is used.");
        if (!ranking.ignoredObjectives().isEmpty()) {
            out.println("Objectives a shared list cannot serve, left out: " + String.join(", ", ranking.ignoredObjectives()));
        }
        print(out, ranking.recommend(history, k));
        return 0;
    }

    /** Comma-separated item indices, each checked against the model's catalogue; repeats count once. */
    static int[] history(String text, int items) {
        TreeSet<Integer> seen = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            int index;
            try {
                index = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new Args.UsageException("--history must list item indices like 3,17,42; '" + s + "' is not one");
            }
            if (index < 0 || index >= items) {
                throw new Args.UsageException("unknown item index " + index + ": the run's catalogue has items 0.." + (items - 1));
            }
            seen.add(index);
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void print(PrintStream out, int[] items) {
        for (int r = 0; r < items.length; r++) out.println(String.format(Locale.ROOT, "%3d. item %d", r + 1, items[r]));
    }
}

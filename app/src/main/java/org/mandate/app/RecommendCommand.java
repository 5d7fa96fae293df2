package org.mandate.app;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.PersonalWeights;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.NonProfilingRanking;
import org.mandate.training.serve.Recommendation;
import org.mandate.training.serve.RecommendationRequest;
import org.mandate.training.serve.Recommender;
import org.mandate.training.serve.WeightsRefused;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code mandate recommend}: a trained run's top k for one viewing history ({@code --history}) or one user of the
 * run's data ({@code --user}), for the voted weights or the user's own ({@code --weights novelty=0.3,relevance=0.7},
 * checked against the mandate's personalisation rules and served by re-ranking, see
 * {@link org.mandate.training.serve.Reranker}); or with {@code --non-profiling} the list not based on profiling
 * (DSA art. 38) that everyone gets, whatever their history. Items are the dense indices 0..I-1 of the data the run
 * was trained on (the manifest's data), printed as {@code item N}.
 */
final class RecommendCommand {

    private RecommendCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Stream.concat(DataSource.OPTIONS.stream(), Stream.of("run", "history", "k", "mandate", "seed", "user", "weights"))
                .collect(Collectors.toSet()), Set.of("non-profiling"));
        SavedRun run = SavedRun.open(Path.of(args.require("run")));
        int k = args.getInt("k", 10);
        boolean nonProfiling = args.has("non-profiling");
        if (args.has("user") && args.has("history")) throw new Args.UsageException("give --user or --history, not both");
        if (nonProfiling && args.has("user")) throw new Args.UsageException("--non-profiling reads no user: leave out --user");
        SortedMap<String, Double> weights = args.has("weights") ? weights(args.require("weights")) : null;
        boolean personalData = args.has("user") || weights != null;
        int[] history = args.has("history") || !(nonProfiling || args.has("user")) ? history(args.require("history"), run.itemCount()) : new int[0];
        if (!nonProfiling && !personalData) {
            if (Stream.concat(DataSource.OPTIONS.stream(), Stream.of("mandate", "seed")).anyMatch(args::has)) {
                throw new Args.UsageException("--mandate, --seed and the data options are only used with --non-profiling, --user or --weights");
            }
            double[] scores = run.artifact().model().scores(new int[][] {history})[0];
            print(out, Evaluator.topK(scores, history, k));
            return 0;
        }
        if (!nonProfiling && args.has("mandate")) {
            throw new Args.UsageException("--mandate is only used with --non-profiling: personal weights are checked against the mandate the run was trained under");
        }
        Mandate mandate = args.has("mandate") ? MandateFile.read(Path.of(args.require("mandate"))) : run.mandate();
        InteractionData data = DataSource.load(args, args.has("mandate") ? mandate.dataUse() : run.loadRules(),
                args.has("seed") ? args.getInt("seed", 42) : run.seed()).data();
        // Popularity is measured on the run's training users, as the model's own evaluation does.
        InteractionData training = run.split(data).trainingData(data);
        if (nonProfiling) {
            Mandate applied = mandate;
            if (weights != null) {
                SortedMap<String, Double> accepted = accept(mandate, weights);
                applied = new Mandate(accepted, mandate.bounds(), mandate.dataUse(), mandate.exposureTargets(), mandate.provenance());
                out.println("Weights: " + describe(accepted));
            }
            // NONE rather than CONSUMED: skipping seen items would already be a use of the viewer's history.
            NonProfilingRanking ranking = new NonProfilingRanking(training, applied, NonProfilingRanking.Exclusion.NONE);
            out.println("Not based on profiling (DSA art. 38): the same list for everyone; no viewing history is used.");
            if (!ranking.ignoredObjectives().isEmpty()) {
                out.println("Objectives a shared list cannot serve, left out: " + String.join(", ", ranking.ignoredObjectives()));
            }
            print(out, ranking.recommend(history, k));
            return 0;
        }
        if (args.has("user")) history = data.histories()[user(args.require("user"), data.userCount())];
        Recommender serving = new Recommender(run.artifact().model(), mandate, training);
        Recommendation r;
        try {
            r = serving.recommend(RecommendationRequest.personal(history, weights, k));
        } catch (WeightsRefused e) {
            throw new Args.UsageException("weights refused (" + e.reason().slug() + "): " + e.getMessage());
        }
        out.println(String.format(Locale.ROOT, "Weights: %s (%.3f from the voted weights %s)", describe(r.weights()), r.shift(),
                describe(mandate.weights())));
        print(out, r.items());
        return 0;
    }

    private static SortedMap<String, Double> accept(Mandate mandate, Map<String, Double> weights) {
        return switch (PersonalWeights.validate(mandate, weights)) {
            case PersonalWeights.Accepted a -> new TreeMap<>(a.weights());
            case PersonalWeights.Refused r -> throw new Args.UsageException("weights refused (" + r.reason().slug() + "): " + r.message());
        };
    }

    /** {@code novelty=0.3,relevance=0.7} (or with {@code :}); each objective once. */
    static SortedMap<String, Double> weights(String text) {
        TreeMap<String, Double> out = new TreeMap<>();
        for (String part : text.split(",", -1)) {
            String[] kv = part.strip().split("[=:]", -1);
            if (kv.length != 2 || kv[0].isBlank()) throw new Args.UsageException("--weights must read like novelty=0.3,relevance=0.7; '" + part + "' does not");
            try {
                if (out.put(kv[0].strip(), Double.parseDouble(kv[1].strip())) != null) {
                    throw new Args.UsageException("--weights names '" + kv[0].strip() + "' twice");
                }
            } catch (NumberFormatException e) {
                throw new Args.UsageException("--weights: the weight of '" + kv[0].strip() + "' is not a number: '" + kv[1] + "'");
            }
        }
        return out;
    }

    private static int user(String text, int users) {
        try {
            int u = Integer.parseInt(text.strip());
            if (u >= 0 && u < users) return u;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Args.UsageException("--user must be a user index 0.." + (users - 1) + " of the run's data, got '" + text + "'");
    }

    private static String describe(Map<String, Double> weights) {
        return weights.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(","));
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

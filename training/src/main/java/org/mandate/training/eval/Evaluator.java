package org.mandate.training.eval;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;
import org.mandate.training.split.HoldoutSplit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedMap;

/**
 * Measures a recommender on held-out users exactly as the audit will: score from the fold-in history,
 * drop fold-in items, keep the top k, and hand the lists to every objective of the catalogue.
 */
public final class Evaluator {

    private static final int BATCH = 500;

    private final ItemFeatures features;
    private final int k;

    /** @param features side information measured on the training users (popularity, provider groups) */
    public Evaluator(ItemFeatures features, int k) {
        this.features = features;
        this.k = k;
    }

    public Evaluation evaluate(Recommender recommender, HoldoutSplit split, SortedMap<String, Double> exposureTargets) {
        List<UserLists> lists = lists(recommender, split);
        EvaluationData data = new EvaluationData(lists, features, k, exposureTargets);
        LinkedHashMap<String, MetricValue> metrics = new LinkedHashMap<>();
        for (Objective o : Catalogue.all()) metrics.put(o.id(), o.evaluate(data));
        return new Evaluation(k, lists.size(), metrics);
    }

    /** Each held-out user's top-k list (fold-in items excluded), held-out truth and fold-in history. */
    public List<UserLists> lists(Recommender recommender, HoldoutSplit split) {
        int n = split.heldOutUsers().length;
        List<UserLists> out = new ArrayList<>(n);
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            int[][] foldIn = java.util.Arrays.copyOfRange(split.foldIn(), from, to);
            double[][] scores = recommender.scores(foldIn);
            for (int j = 0; j < foldIn.length; j++) {
                out.add(new UserLists(topK(scores[j], foldIn[j], k), split.heldOut()[from + j], foldIn[j]));
            }
        }
        return out;
    }

    /** The k best-scored items not in {@code exclude}; ties go to the lower index so lists are deterministic. */
    public static int[] topK(double[] scores, int[] exclude, int k) {
        boolean[] skip = new boolean[scores.length];
        for (int i : exclude) skip[i] = true;
        int n = Math.min(k, scores.length - exclude.length);
        int[] best = new int[n];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (skip[i]) continue;
            if (size == n && !(scores[i] > scores[best[n - 1]])) continue;
            int pos = size < n ? size++ : n - 1;
            while (pos > 0 && scores[i] > scores[best[pos - 1]]) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = i;
        }
        return best;
    }
}

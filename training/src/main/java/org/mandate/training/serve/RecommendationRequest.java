package org.mandate.training.serve;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One user's request for a list.
 *
 * @param history the items the user already consumed (item indices), used only in {@link Mode#PERSONAL}
 * @param weights the user's objective weights, or null for the mandate's own
 * @param mode    personalised by the trained model, or the shared list not based on profiling (DSA art. 38)
 * @param k       list length, at least 1
 */
public record RecommendationRequest(int[] history, SortedMap<String, Double> weights, Mode mode, int k) {

    /** Largest list a request may ask for: a page of recommendations, not a dump of the catalogue. */
    public static final int MAX_K = 100;

    public enum Mode {
        /** The trained model scores the user's history; the user's weights re-rank its candidates. */
        PERSONAL,
        /** One ranking for everyone from item-level signals; no history is read, not even to hide seen items. */
        NON_PROFILING
    }

    public RecommendationRequest {
        Objects.requireNonNull(mode, "mode");
        history = history == null ? new int[0] : Arrays.stream(history).distinct().sorted().toArray();
        weights = weights == null ? null : new TreeMap<>(weights);
        if (k < 1 || k > MAX_K) throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
    }

    public static RecommendationRequest personal(int[] history, Map<String, Double> weights, int k) {
        return new RecommendationRequest(history, weights == null ? null : new TreeMap<>(weights), Mode.PERSONAL, k);
    }

    public static RecommendationRequest nonProfiling(Map<String, Double> weights, int k) {
        return new RecommendationRequest(null, weights == null ? null : new TreeMap<>(weights), Mode.NON_PROFILING, k);
    }
}

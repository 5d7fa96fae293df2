package org.mandate.training.eval;

import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.PositionWeight;
import org.mandate.training.data.InteractionData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recommender option "not based on profiling" (DSA art. 38): one ranking of the whole catalogue,
 * the same for everyone, built from training popularity re-weighted under the mandate. No personal
 * history enters the ranking; whether a user's own consumed items are removed from their list is an
 * explicit {@link Exclusion} chosen by the operator (and the only use of a user's data it can make).
 *
 * <p>The rule, deterministic and greedy: position r = 1, 2, ... takes the not-yet-ranked item with the
 * largest {@code Σ_o w_o · g_o(i)} (ties: lower index), where w are the mandate's weights on the
 * objectives an item-level rule can serve, renormalised to sum to 1, and every gain lies in [0, 1]:
 * <ul>
 *   <li>{@code relevance}: the item's popularity over the most popular item's (no profile, so the
 *       crowd's taste is the only relevance estimate);</li>
 *   <li>{@code novelty}: its self-information {@code -log2 pop_i}, min-max scaled over the catalogue;</li>
 *   <li>{@code provider_fairness}: the exposure deficit {@code max(0, τ_g − e_g) / max τ} of its provider
 *       group g, where {@code e} is the position-weighted exposure share ({@code a(r) = 1/log2(1+r)}) of
 *       the items ranked so far and τ the mandate's targets (equal shares when it sets none).</li>
 * </ul>
 * Objectives that depend on a user's own history or compare users (any other catalogue id) cannot be
 * served without profiling; their weight is dropped and listed by {@link #ignoredObjectives()}. When no
 * weight is left, the ranking is by popularity alone.
 */
public final class NonProfilingRanking implements Recommender {

    /** What a user's own history may do to the shared ranking. */
    public enum Exclusion {
        /** Nothing: every user gets literally the same list, already-seen items included. */
        NONE,
        /** Items the user already consumed are skipped; the order of the rest is the shared ranking's. */
        CONSUMED
    }

    private final Exclusion exclusion;
    private final int[] ranking;
    private final double[] score;
    private final Weights weights;

    /** The renormalised weights the rule used and the objectives it had to leave out. */
    private record Weights(TreeMap<String, Double> used, List<String> ignored) {}

    public NonProfilingRanking(InteractionData training, Mandate mandate, Exclusion exclusion) {
        this.exclusion = java.util.Objects.requireNonNull(exclusion, "exclusion");
        this.weights = servable(mandate);
        double[] pop = training.popularity();
        int n = pop.length;
        double maxPop = Arrays.stream(pop).max().orElse(1);
        double[] info = new double[n];
        for (int i = 0; i < n; i++) info[i] = -Math.log(pop[i]) / Math.log(2);
        double minInfo = Arrays.stream(info).min().orElse(0), spanInfo = Arrays.stream(info).max().orElse(0) - minInfo;
        double wRel = weights.used().getOrDefault(Relevance.ID, 0.0);
        double wNov = weights.used().getOrDefault(Novelty.ID, 0.0);
        double wFair = weights.used().getOrDefault(ProviderFairness.ID, 0.0);
        // The static part of every item's gain; only the provider deficit changes as the ranking grows.
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            base[i] = wRel * pop[i] / maxPop + wNov * (spanInfo > 0 ? (info[i] - minInfo) / spanInfo : 0);
        }
        int[] group = training.catalogue().providerGroup();
        double[] tau = new EvaluationData(List.of(), training.features(), 1, mandate.exposureTargets()).targetShares();
        double maxTau = Arrays.stream(tau).max().orElse(1);
        double[] exposure = new double[tau.length];
        double totalExposure = 0;
        boolean[] placed = new boolean[n];
        ranking = new int[n];
        score = new double[n];
        for (int r = 0; r < n; r++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (placed[i]) continue;
                double gain = base[i];
                if (wFair > 0) {
                    double share = totalExposure > 0 ? exposure[group[i]] / totalExposure : 0;
                    gain += wFair * Math.max(0, tau[group[i]] - share) / maxTau;
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            placed[best] = true;
            ranking[r] = best;
            // Scores fall with the position, so any top-k over them reproduces the ranking.
            score[best] = n - r;
            double a = PositionWeight.at(r + 1);
            exposure[group[best]] += a;
            totalExposure += a;
        }
    }

    private static Weights servable(Mandate mandate) {
        TreeMap<String, Double> used = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        mandate.weights().forEach((id, w) -> {
            if (w <= 0) return;
            if (id.equals(Relevance.ID) || id.equals(Novelty.ID) || id.equals(ProviderFairness.ID)) used.put(id, w);
            else ignored.add(id);
        });
        double sum = used.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum == 0) used.put(Relevance.ID, 1.0);
        else used.replaceAll((id, w) -> w / sum);
        return new Weights(used, List.copyOf(ignored));
    }

    /** The whole catalogue, best first: what every user's list is drawn from. */
    public int[] ranking() {
        return ranking.clone();
    }

    public Exclusion exclusion() {
        return exclusion;
    }

    /** The mandate's objectives this rule could not serve without profiling. */
    public List<String> ignoredObjectives() {
        return weights.ignored();
    }

    /** The renormalised weights the rule applied. */
    public Map<String, Double> appliedWeights() {
        return java.util.Collections.unmodifiableSortedMap(weights.used());
    }

    /** A user's top k: the shared ranking, with {@code history} skipped only under {@link Exclusion#CONSUMED}. */
    public int[] recommend(int[] history, int k) {
        boolean[] skip = new boolean[ranking.length];
        if (exclusion == Exclusion.CONSUMED) for (int i : history) skip[i] = true;
        int[] out = new int[Math.min(k, ranking.length)];
        int size = 0;
        for (int r = 0; r < ranking.length && size < out.length; r++) {
            if (!skip[ranking[r]]) out[size++] = ranking[r];
        }
        return Arrays.copyOf(out, size);
    }

    /**
     * The same row for every history. {@link Evaluator} still removes each held-out user's fold-in items,
     * as its protocol does for every recommender, so evaluated lists are those of {@link Exclusion#CONSUMED}.
     */
    @Override
    public double[][] scores(int[][] histories) {
        double[][] s = new double[histories.length][];
        for (int u = 0; u < histories.length; u++) s[u] = score.clone();
        return s;
    }

    /** The rule's parameters, for a transparency notice or a run manifest. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "non-profiling global ranking");
        json.put("applied_weights", weights.used());
        json.put("ignored_objectives", weights.ignored());
        json.put("exclusion", exclusion.name().toLowerCase(java.util.Locale.ROOT));
        return json;
    }
}

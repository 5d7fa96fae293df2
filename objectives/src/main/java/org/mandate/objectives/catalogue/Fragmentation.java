package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.Divergence;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Fragmentation (RADio, Vrijenhoek et al. 2022): how far apart different people's recommendations are.
 * Each top-k list is a rank-aware distribution over items (rank r weighs a(r)/Σa); the headline is the
 * mean Jensen–Shannon divergence in bits between two users' lists, over pairs of users with a list:
 * every pair when there are at most {@value #MAX_PAIRS}, otherwise {@value #MAX_PAIRS} pairs of distinct
 * users drawn uniformly with replacement by {@code SplittableRandom(}{@value #SEED}{@code )}, so the same
 * lists always give the same value. 0 = everyone sees the same list, 1 = no two lists share an item.
 * <p>
 * Lower is better: RADio reads fragmentation as the loss of a shared public sphere, which a public
 * broadcaster's mandate protects, and the surrogate of OBJECTIVES.md (mean_B ‖p_u − p̄‖², minimised)
 * pulls lists together. A panel that wants lists to differ weighs coverage or personalised relevance.
 */
public record Fragmentation() implements Objective {

    public static final String ID = "fragmentation";

    /** Above this many pairs, pairs are sampled. */
    public static final int MAX_PAIRS = 2000;

    /** Seed of the pair sampling. */
    public static final long SEED = 20221;

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Common ground", "Socle commun"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Keep some programmes in common between people's recommendations, so the audience still shares a conversation; "
                        + "the measure is how much lists differ, lower is more common ground.",
                "Garder des programmes en commun entre les recommandations des uns et des autres, pour que le public partage encore "
                        + "des sujets de conversation ; la mesure est l'écart entre les listes, plus bas signifie plus de socle commun.");
    }

    @Override public Direction direction() { return Direction.MINIMISE; }

    @Override public String metricName(int k) { return "fragmentation_js@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        List<Map<Integer, Double>> lists = new ArrayList<>();
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            if (n > 0) lists.add(Divergence.rankAware(u.recommended(), n));
        }
        int m = lists.size();
        double sum = 0;
        long pairs = 0;
        if ((long) m * (m - 1) / 2 <= MAX_PAIRS) {
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) { sum += Divergence.jensenShannon(lists.get(a), lists.get(b)); pairs++; }
            }
        } else {
            SplittableRandom rng = new SplittableRandom(SEED);
            for (; pairs < MAX_PAIRS; pairs++) {
                int a = rng.nextInt(m);
                int b = rng.nextInt(m - 1);
                if (b >= a) b++;
                sum += Divergence.jensenShannon(lists.get(a), lists.get(b));
            }
        }
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("pairs", (double) pairs);
        return new MetricValue(ID, metricName(data.k()), pairs == 0 ? 0 : sum / pairs, details);
    }
}

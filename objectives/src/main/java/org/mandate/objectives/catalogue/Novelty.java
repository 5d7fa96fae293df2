package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.TreeMap;

/**
 * Novelty: move attention beyond the few programmes everyone already watches. Reported as the mean
 * self-information -log2(pop_i) of recommended items (Zhou et al. 2010), averaged per list and then
 * over users; the detail {@code mean_popularity} says the same thing in shares.
 */
public record Novelty() implements Objective {

    public static final String ID = "novelty";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Novelty", "Nouveauté"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Recommend less-watched programmes, so attention is not captured by the same few hits.",
                "Recommander des programmes moins vus, pour que l'attention ne se concentre pas sur quelques succès.");
    }

    @Override public Direction direction() { return Direction.MAXIMISE; }

    @Override public String metricName(int k) { return "self_information@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        double[] pop = data.items().popularity();
        double sum = 0, popSum = 0;
        int counted = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            if (n == 0) continue;
            double info = 0, p = 0;
            for (int r = 0; r < n; r++) {
                int item = u.recommended()[r];
                info += -Math.log(pop[item]) / Math.log(2);
                p += pop[item];
            }
            sum += info / n;
            popSum += p / n;
            counted++;
        }
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("mean_popularity", counted == 0 ? 0 : popSum / counted);
        return new MetricValue(ID, metricName(data.k()), counted == 0 ? 0 : sum / counted, details);
    }
}

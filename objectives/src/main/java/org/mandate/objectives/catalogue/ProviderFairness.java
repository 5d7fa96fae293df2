package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.PositionWeight;
import org.mandate.objectives.metrics.UserLists;

import java.util.List;
import java.util.TreeMap;

/**
 * Fair exposure of providers: each provider group (in-house, independent, regional, ...) gets the share
 * of attention the mandate sets. Exposure is position-weighted, a(r) = 1/log2(1+r), summed over all
 * users' lists (Singh and Joachims 2018); the headline is the total variation distance
 * ½ Σ_g |e_g − τ_g| to the target shares τ (0 = exactly on target), details give each group's share.
 */
public record ProviderFairness() implements Objective {

    public static final String ID = "provider_fairness";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Fair exposure of providers", "Exposition équitable des producteurs"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Share viewers' attention between in-house, independent and regional producers as the panel decides.",
                "Répartir l'attention entre producteurs internes, indépendants et régionaux comme le panel le décide.");
    }

    @Override public Direction direction() { return Direction.MINIMISE; }

    @Override public String metricName(int k) { return "exposure_distance@" + k; }

    /** Position-weighted exposure share per provider group, in the catalogue's group order. */
    public static double[] exposureShares(EvaluationData data) {
        int[] group = data.items().providerGroup();
        double[] exposure = new double[data.items().providerGroups().size()];
        double total = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            for (int r = 0; r < n; r++) {
                double a = PositionWeight.at(r + 1);
                exposure[group[u.recommended()[r]]] += a;
                total += a;
            }
        }
        if (total > 0) {
            for (int g = 0; g < exposure.length; g++) exposure[g] /= total;
        }
        return exposure;
    }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        double[] e = exposureShares(data);
        double[] tau = data.targetShares();
        List<String> groups = data.items().providerGroups();
        double tv = 0;
        TreeMap<String, Double> details = new TreeMap<>();
        for (int g = 0; g < e.length; g++) {
            tv += Math.abs(e[g] - tau[g]);
            details.put("share." + groups.get(g), e[g]);
            details.put("target." + groups.get(g), tau[g]);
        }
        return new MetricValue(ID, metricName(data.k()), tv / 2, details);
    }
}

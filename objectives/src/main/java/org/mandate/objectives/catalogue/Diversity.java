package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.TreeMap;

/**
 * Diversity within each list: intra-list diversity, the mean over pairs of items of one top-k list of
 * 1 − cos(C_i, C_j) on their category rows (0 = all of one kind, 1 = no two items share a category),
 * averaged over users whose list has at least two items.
 */
public record Diversity() implements Objective {

    public static final String ID = "diversity";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Variety in each list", "Variété de chaque liste"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Each person's recommendations mix different kinds of programmes instead of ten of the same genre.",
                "Les recommandations de chaque personne mêlent des programmes de genres différents plutôt que dix du même genre.");
    }

    @Override public Direction direction() { return Direction.MAXIMISE; }

    @Override public String metricName(int k) { return "intra_list_diversity@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        double[][] c = data.items().categoryMatrix();
        double sum = 0;
        int counted = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            if (n < 2) continue;
            double pairs = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) pairs += 1 - cosine(c[u.recommended()[a]], c[u.recommended()[b]]);
            }
            sum += pairs / (n * (n - 1) / 2.0);
            counted++;
        }
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("users", (double) counted);
        return new MetricValue(ID, metricName(data.k()), counted == 0 ? 0 : sum / counted, details);
    }

    /** Rows are non-negative and sum to 1, so neither norm is 0. */
    static double cosine(double[] x, double[] y) {
        double dot = 0, xx = 0, yy = 0;
        for (int k = 0; k < x.length; k++) {
            dot += x[k] * y[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
        }
        return dot / Math.sqrt(xx * yy);
    }
}

package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.PositionWeight;
import org.mandate.objectives.metrics.UserLists;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Coverage: the whole catalogue gets a chance to be seen. Headline: the share of catalogue items that
 * appear in at least one user's top-k list. Detail {@code gini_exposure}: the Gini coefficient of
 * position-weighted exposure Σ_u a(rank) over all I items (0 = every item equally exposed, near 1 = all
 * exposure on one item), which tells whether covered items are seen more than once in a blue moon.
 */
public record Coverage() implements Objective {

    public static final String ID = "coverage";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Catalogue coverage", "Couverture du catalogue"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Give every programme in the catalogue a chance to be recommended to someone, not only the same few.",
                "Donner à chaque programme du catalogue une chance d'être recommandé à quelqu'un, pas seulement toujours les mêmes.");
    }

    @Override public Direction direction() { return Direction.MAXIMISE; }

    @Override public String metricName(int k) { return "catalogue_coverage@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        int items = data.items().itemCount();
        double[] exposure = new double[items];
        boolean[] shown = new boolean[items];
        int covered = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            for (int r = 0; r < n; r++) {
                int i = u.recommended()[r];
                exposure[i] += PositionWeight.at(r + 1);
                if (!shown[i]) { shown[i] = true; covered++; }
            }
        }
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("gini_exposure", gini(exposure));
        details.put("items_covered", (double) covered);
        return new MetricValue(ID, metricName(data.k()), (double) covered / items, details);
    }

    /** Gini of non-negative values: Σ_j (2j − n − 1) x_(j) / (n Σ x), x sorted ascending, j = 1..n; 0 if all are 0. */
    static double gini(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        double weighted = 0, total = 0;
        for (int j = 0; j < n; j++) {
            weighted += (2.0 * (j + 1) - n - 1) * x[j];
            total += x[j];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }
}

package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.TreeMap;

/**
 * Exploration: open doors to kinds of programmes a person has not tried. Headline: the share of
 * recommended items whose main category ({@link org.mandate.objectives.metrics.ItemFeatures#mainCategory})
 * is absent from the user's history, i.e. has no weight in any history item's category row, averaged over
 * users with a history and a list (without a history there is nothing to explore away from).
 */
public record Exploration() implements Objective {

    public static final String ID = "exploration";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Discovery of new genres", "Découverte de nouveaux genres"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Suggest kinds of programmes a person has never watched, so they can discover something new.",
                "Proposer des genres de programmes qu'une personne n'a jamais regardés, pour lui faire découvrir autre chose.");
    }

    @Override public Direction direction() { return Direction.MAXIMISE; }

    @Override public String metricName(int k) { return "unexplored_category_share@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        double sum = 0;
        int counted = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            if (n == 0 || u.history().length == 0) continue;
            double[] profile = data.items().categoryMix(u.history(), u.history().length, false);
            int fresh = 0;
            for (int r = 0; r < n; r++) if (profile[data.items().mainCategory(u.recommended()[r])] == 0) fresh++;
            sum += (double) fresh / n;
            counted++;
        }
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("users", (double) counted);
        return new MetricValue(ID, metricName(data.k()), counted == 0 ? 0 : sum / counted, details);
    }
}

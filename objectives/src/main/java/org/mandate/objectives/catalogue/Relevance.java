package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.PositionWeight;
import org.mandate.objectives.metrics.UserLists;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Relevance: recommend what people will actually watch. Reported as NDCG@k (headline) and Recall@k on
 * held-out interactions; users without held-out items are skipped, as they carry no evidence.
 * Recall@k divides by min(k, |held-out|), as Liang et al. (2018) do, so a perfect list scores 1.
 */
public record Relevance() implements Objective {

    public static final String ID = "relevance";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Relevance", "Pertinence"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Recommend what each person is most likely to watch next, judged by what they really watched.",
                "Recommander ce que chaque personne a le plus de chances de regarder ensuite, d'après ce qu'elle a réellement regardé.");
    }

    @Override public Direction direction() { return Direction.MAXIMISE; }

    @Override public String metricName(int k) { return "ndcg@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        int k = data.k();
        double ndcgSum = 0, recallSum = 0;
        int counted = 0;
        for (UserLists u : data.users()) {
            if (u.heldOut().length == 0) continue;
            Set<Integer> truth = new HashSet<>();
            for (int i : u.heldOut()) truth.add(i);
            int n = Math.min(k, u.recommended().length);
            double dcg = 0;
            int hits = 0;
            for (int r = 0; r < n; r++) {
                if (truth.contains(u.recommended()[r])) {
                    dcg += PositionWeight.at(r + 1);
                    hits++;
                }
            }
            double idcg = 0;
            int ideal = Math.min(k, truth.size());
            for (int r = 0; r < ideal; r++) idcg += PositionWeight.at(r + 1);
            ndcgSum += dcg / idcg;
            recallSum += (double) hits / ideal;
            counted++;
        }
        double ndcg = counted == 0 ? 0 : ndcgSum / counted;
        double recall = counted == 0 ? 0 : recallSum / counted;
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("recall@" + k, recall);
        details.put("users", (double) counted);
        return new MetricValue(ID, metricName(k), ndcg, details);
    }
}

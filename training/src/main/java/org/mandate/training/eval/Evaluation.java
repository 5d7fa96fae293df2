package org.mandate.training.eval;

import org.mandate.objectives.json.JsonValue;
import org.mandate.objectives.metrics.MetricValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Every catalogue objective measured on held-out users' top-k lists, in catalogue order.
 *
 * @param k       list cut-off
 * @param users   number of evaluated users
 * @param metrics objective id → measured metric
 */
public record Evaluation(int k, int users, SequencedMap<String, MetricValue> metrics) implements JsonValue {

    public Evaluation {
        metrics = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(metrics));
    }

    public MetricValue metric(String objectiveId) {
        MetricValue m = metrics.get(objectiveId);
        if (m == null) throw new IllegalArgumentException("objective " + objectiveId + " was not evaluated");
        return m;
    }

    /** The headline value of one objective, e.g. NDCG@k for relevance. */
    public double value(String objectiveId) {
        return metric(objectiveId).value();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("k", k);
        json.put("users", users);
        Map<String, Object> m = new LinkedHashMap<>();
        metrics.forEach((id, v) -> m.put(id, v.toJsonValue()));
        json.put("metrics", m);
        return json;
    }
}

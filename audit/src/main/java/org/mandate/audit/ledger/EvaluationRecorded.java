package org.mandate.audit.ledger;

import org.mandate.objectives.metrics.MetricValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The held-out evaluation of a run: one {@link MetricValue} per objective id, whatever the run's weights,
 * so the cost of a mandate on the objectives it did not favour is on the record too.
 *
 * <p>Payload: {@code {"label", "mandate_hash", "metrics": {objective id: MetricValue}}}.
 */
public record EvaluationRecorded(String label, String mandateHash, SortedMap<String, MetricValue> metrics) implements LedgerEvent {

    public static final String KIND = "evaluation";

    public EvaluationRecorded {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mandateHash, "mandateHash");
        metrics = new TreeMap<>(Objects.requireNonNull(metrics, "metrics"));
        metrics.forEach((id, m) -> {
            if (!id.equals(m.objectiveId())) throw new IllegalArgumentException("metric under '" + id + "' measures '" + m.objectiveId() + "'");
        });
    }

    @Override public String kind() { return KIND; }

    @Override
    public Object toJsonValue() {
        Map<String, Object> ms = new TreeMap<>();
        metrics.forEach((id, m) -> ms.put(id, m.toJsonValue()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", label);
        json.put("mandate_hash", mandateHash);
        json.put("metrics", ms);
        return json;
    }

    @SuppressWarnings("unchecked")
    static EvaluationRecorded fromJson(Map<String, Object> json) {
        TreeMap<String, MetricValue> metrics = new TreeMap<>();
        JsonTrees.object(json, "metrics").forEach((id, m) -> {
            if (!(m instanceof Map<?, ?> tree)) throw new IllegalArgumentException("metric '" + id + "' must be an object");
            metrics.put(id, JsonTrees.metricValue((Map<String, Object>) tree));
        });
        return new EvaluationRecorded(JsonTrees.string(json, "label"), JsonTrees.string(json, "mandate_hash"), metrics);
    }
}

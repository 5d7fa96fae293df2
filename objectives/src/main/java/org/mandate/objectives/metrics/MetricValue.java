package org.mandate.objectives.metrics;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A measured objective: its headline metric (what weights and floors refer to) and named details,
 * e.g. recall beside NDCG, or the exposure share of each provider group.
 */
public record MetricValue(String objectiveId, String metric, double value, SortedMap<String, Double> details)
        implements JsonValue {

    public MetricValue {
        details = new TreeMap<>(details);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(objectiveId + " " + metric + " is not finite: " + value);
        }
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objective", objectiveId);
        json.put("metric", metric);
        json.put("value", value);
        json.put("details", new TreeMap<>(details));
        return json;
    }
}

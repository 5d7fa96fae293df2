package org.mandate.objectives.ballot;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An example recommendation slate shown to a voter: the weight vector it was produced under and its
 * measured metric vector (the headline metric of each objective, as the catalogue defines it).
 */
public record Slate(String id, SortedMap<String, Double> producedUnder, SortedMap<String, Double> metrics) implements JsonValue {

    public Slate {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a slate needs an id");
        producedUnder = new TreeMap<>(producedUnder == null ? Map.of() : producedUnder);
        metrics = new TreeMap<>(metrics == null ? Map.of() : metrics);
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new BallotRejected(BallotRejected.Reason.NOT_FINITE, "slate " + id + " has a non-finite " + e.getKey() + " metric");
            }
        }
    }

    /** The metric of one objective; a slate must measure every objective on the menu it is compared on. */
    public double metric(String objective) {
        Double v = metrics.get(objective);
        if (v == null) throw new IllegalArgumentException("slate " + id + " has no metric for '" + objective + "'");
        return v;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("produced_under", producedUnder);
        json.put("metrics", metrics);
        return json;
    }
}

package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep predicts for one weight vector.
 *
 * @param weights  the asked weights, normalised to sum to 1 over the swept objectives
 * @param method   {@code exact} (a lattice point), {@code barycentric} (linear interpolation between the
 *                 lattice points of the simplex cell around the weights) or {@code nearest} (the closest
 *                 lattice point, when the sweep lacks a point of that cell)
 * @param vertices the lattice points used, with their interpolation weights (summing to 1)
 * @param metrics  the predicted metric values
 * @param changes  relative change of each metric against the baseline point (-0.12 = 12 % lower);
 *                 a metric whose baseline value is 0 has none
 * @param nearest  the index of the lattice point closest to the weights (its example slates are shown)
 * @param baseline the index of the reference point (largest weight on relevance)
 */
public record TradeOff(Map<String, Double> weights, String method, List<Vertex> vertices, Map<String, Double> metrics,
                       Map<String, Double> changes, int nearest, int baseline) {

    /** A lattice point's share in an interpolation. */
    public record Vertex(int point, double lambda) {}

    public TradeOff {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        vertices = List.copyOf(vertices);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weights", weights);
        json.put("method", method);
        json.put("vertices", vertices.stream().map(v -> Map.of("point", v.point(), "lambda", v.lambda())).toList());
        json.put("metrics", metrics);
        json.put("changes", changes);
        json.put("nearest_point", nearest);
        json.put("baseline_point", baseline);
        return json;
    }
}

package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lattice point of a weight sweep: the weights the model was trained with, its metrics on held-out
 * users (catalogue id to value), whether no other point beats it on every metric, the trained model's
 * hash, and the example slates it produced.
 */
public record SweepPoint(Map<String, Double> weights, Map<String, Double> metrics, boolean nonDominated, String modelSha256,
                         List<ExampleSlate> exampleSlates) {

    public SweepPoint {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        exampleSlates = List.copyOf(exampleSlates);
    }

    public double weight(String objective) {
        return weights.getOrDefault(objective, 0.0);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weights", weights);
        json.put("metrics", metrics);
        json.put("non_dominated", nonDominated);
        json.put("model_sha256", modelSha256);
        json.put("example_slates", exampleSlates.stream().map(ExampleSlate::toJson).toList());
        return json;
    }
}

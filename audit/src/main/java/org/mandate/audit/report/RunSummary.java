package org.mandate.audit.report;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.metrics.MetricValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One trained model as the report shows it.
 *
 * @param label e.g. "baseline (relevance only)" or "voted mandate"
 * @param weights the weights it was trained with, by objective id
 * @param metrics its held-out metrics, by objective id
 * @param manifest the run manifest as a plain JSON tree (audit does not depend on training)
 */
public record RunSummary(String label, String mandateHash, Map<String, Double> weights,
                         Map<String, MetricValue> metrics, Map<String, Object> manifest) {

    public RunSummary {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mandateHash, "mandateHash");
        weights = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(weights, "weights")));
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(metrics, "metrics")));
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(manifest == null ? Map.of() : manifest));
        CanonicalJson.write(manifest); // fail here, not half-way through writing a report
    }

    public double weight(String objective) {
        return weights.getOrDefault(objective, 0.0);
    }
}

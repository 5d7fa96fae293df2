package org.mandate.deliberation.service;

import org.mandate.objectives.json.CanonicalJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated weight sweep in the {@code mandate-sweep/1} format (read by {@link SweepReader}): a model
 * trained at every point of a simplex lattice over the swept objectives, evaluated on every metric.
 *
 * @param objectives   the swept catalogue objective ids
 * @param step         the lattice step (1 / step is a whole number)
 * @param k            the top-k cut-off of the metrics
 * @param metricLabels a label for every metric key
 */
public record Sweep(List<String> objectives, double step, int k, Map<String, String> metricLabels, List<SweepPoint> points) {

    public static final String FORMAT = "mandate-sweep/1";

    public Sweep {
        objectives = List.copyOf(objectives);
        metricLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metricLabels));
        points = List.copyOf(points);
    }

    /** Lattice divisions: weights are multiples of 1 / divisions. */
    public int divisions() {
        return (int) Math.round(1 / step);
    }

    /**
     * The reference for relative changes: the point with the largest weight on relevance (the
     * relevance-only point when the lattice has it); the first such point in the file on a tie.
     */
    public int baseline() {
        int best = 0;
        for (int i = 1; i < points.size(); i++) if (points.get(i).weight("relevance") > points.get(best).weight("relevance")) best = i;
        return best;
    }

    /** The metric keys, in the order of the first point. */
    public List<String> metricKeys() {
        return List.copyOf(points.getFirst().metrics().keySet());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("objectives", objectives);
        json.put("step", step);
        json.put("k", k);
        json.put("metric_labels", metricLabels);
        json.put("points", points.stream().map(SweepPoint::toJson).toList());
        return json;
    }

    /** The canonical JSON stored and hashed for this sweep. */
    public String canonicalJson() {
        return CanonicalJson.write(toJson());
    }

    public String sha256() {
        return CanonicalJson.sha256Hex(canonicalJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

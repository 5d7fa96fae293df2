package org.mandate.audit.report;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the panel traded: held-out values of two objectives' metrics over a weight sweep of the model
 * (the points the learn phase showed), with the voted mandate's run marked among them, so a reader can see
 * where on the frontier the vote landed and what the neighbouring choices would have cost. The data come
 * from the caller (a sweep of the training module); audit only publishes them.
 *
 * @param voted the run trained under the voted mandate, or null when it was not measured
 */
public record TradeOffCurve(String xObjective, String xMetric, String yObjective, String yMetric, List<Point> points, Point voted)
        implements JsonValue {

    /** One trained model: the weights it was trained under and its two metric values. */
    public record Point(String label, SortedMap<String, Double> weights, double x, double y) {
        public Point {
            Objects.requireNonNull(label, "label");
            weights = new TreeMap<>(Objects.requireNonNull(weights, "weights"));
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("point " + label + " has a non-finite value");
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", label);
            json.put("weights", weights);
            json.put("x", x);
            json.put("y", y);
            return json;
        }
    }

    public TradeOffCurve {
        Objects.requireNonNull(xObjective, "xObjective");
        Objects.requireNonNull(xMetric, "xMetric");
        Objects.requireNonNull(yObjective, "yObjective");
        Objects.requireNonNull(yMetric, "yMetric");
        points = List.copyOf(points);
        if (points.size() < 2) throw new IllegalArgumentException("a trade-off curve needs at least two points");
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("x", Map.of("objective", xObjective, "metric", xMetric));
        json.put("y", Map.of("objective", yObjective, "metric", yMetric));
        json.put("points", points.stream().map(p -> (Object) p.json()).toList());
        json.put("voted", voted == null ? null : voted.json());
        return json;
    }
}

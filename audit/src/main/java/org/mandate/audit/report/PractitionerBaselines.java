package org.mandate.audit.report;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.metrics.MetricValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's answer to "what would a practitioner have deployed instead?": the trained models beside the
 * most-popular chart and EASE, which every training run evaluates on its own held-out users and records in its
 * manifest ({@code baselines}). Only runs whose manifests carry the very same baselines are set side by side — equal
 * baselines mean the same data and split, so the columns are comparable.
 *
 * @param runs       the models shown, in report order
 * @param easeLambda EASE's L2 penalty
 * @param rows       one per catalogue objective measured by all of them
 */
public record PractitionerBaselines(List<RunSummary> runs, double easeLambda, List<Row> rows) {

    /**
     * @param values       each run's value, in {@link #runs} order
     * @param mostPopular  the chart's value
     * @param ease         EASE's value
     */
    public record Row(Objective objective, String metric, List<Double> values, double mostPopular, double ease) {}

    /** From the last run whose manifest records baselines, with every run that recorded the same; empty when none did. */
    @SuppressWarnings("unchecked")
    public static Optional<PractitionerBaselines> of(List<RunSummary> runs) {
        Object chosen = null;
        for (int i = runs.size() - 1; i >= 0 && chosen == null; i--) chosen = runs.get(i).manifest().get("baselines");
        if (!(chosen instanceof Map<?, ?> baselines)) return Optional.empty();
        List<RunSummary> shown = new ArrayList<>();
        for (RunSummary r : runs) if (baselines.equals(r.manifest().get("baselines"))) shown.add(r);
        Map<String, MetricValue> popular = metrics(JsonTrees.object((Map<String, Object>) baselines, "most_popular"));
        Map<String, Object> ease = JsonTrees.object((Map<String, Object>) baselines, "ease");
        Map<String, MetricValue> easeMetrics = metrics(JsonTrees.object(ease, "evaluation"));
        List<Row> rows = new ArrayList<>();
        for (Objective o : Catalogue.all()) {
            MetricValue p = popular.get(o.id()), e = easeMetrics.get(o.id());
            if (p == null || e == null || shown.stream().anyMatch(r -> !r.metrics().containsKey(o.id()))) continue;
            rows.add(new Row(o, p.metric(), shown.stream().map(r -> r.metrics().get(o.id()).value()).toList(), p.value(), e.value()));
        }
        return Optional.of(new PractitionerBaselines(List.copyOf(shown), JsonTrees.number(ease, "lambda"), List.copyOf(rows)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, MetricValue> metrics(Map<String, Object> evaluation) {
        Map<String, MetricValue> m = new LinkedHashMap<>();
        JsonTrees.object(evaluation, "metrics").forEach((id, v) -> m.put(id, JsonTrees.metricValue((Map<String, Object>) v)));
        return m;
    }

    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", runs.stream().map(RunSummary::label).toList());
        json.put("ease_lambda", easeLambda);
        json.put("objectives", rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("objective", r.objective().id());
            row.put("metric", r.metric());
            row.put("direction", r.objective().direction().name().toLowerCase());
            row.put("values", r.values());
            row.put("most_popular", r.mostPopular());
            row.put("ease", r.ease());
            return (Object) row;
        }).toList());
        return json;
    }
}

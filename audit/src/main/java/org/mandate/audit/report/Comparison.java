package org.mandate.audit.report;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;

import java.util.ArrayList;
import java.util.List;

/** A run against the reference run, one row per catalogue objective either run weights or measures. */
public record Comparison(RunSummary baseline, RunSummary run, boolean trainedUnderMandate, List<Row> rows) {

    /**
     * One objective: the two measurements, the two weights, and the change expressed as an improvement
     * in the objective's own direction (positive = better, whether "better" means higher or lower).
     *
     * @param improvement signed change towards the better direction, absolute units; null when not measured in both
     * @param relativeImprovement improvement over |baseline value| (the chart's normalisation); when the
     *                            baseline is 0, ±1 for any change
     * @param bounds the mandate's floors and ceilings on this objective, with whether the run meets them
     */
    public record Row(Objective objective, String metric, Double baselineValue, Double value,
                      double baselineWeight, double weight, Double improvement, Double relativeImprovement,
                      Movement movement, List<BoundCheck> bounds) {}

    /** A floor or ceiling and whether the compared run's measured value meets it (null when not measured). */
    public record BoundCheck(Bound bound, Boolean met) {}

    public static Comparison of(RunSummary baseline, RunSummary run, Mandate mandate) {
        List<Row> rows = new ArrayList<>();
        for (Objective o : Catalogue.all()) {
            String id = o.id();
            MetricValue before = baseline.metrics().get(id), after = run.metrics().get(id);
            boolean named = before != null || after != null || baseline.weights().containsKey(id)
                    || run.weights().containsKey(id) || mandate.weights().containsKey(id);
            if (!named) continue;
            Double b = before == null ? null : before.value(), a = after == null ? null : after.value();
            Double improvement = null, relative = null;
            if (b != null && a != null) {
                improvement = (a - b) * (o.direction() == Direction.MAXIMISE ? 1 : -1);
                relative = b != 0 ? improvement / Math.abs(b) : Math.signum(improvement);
            }
            List<BoundCheck> checks = new ArrayList<>();
            for (Bound bound : mandate.bounds()) {
                if (bound.objective().equals(id)) checks.add(new BoundCheck(bound, a == null ? null : bound.isMetBy(a)));
            }
            String metric = after != null ? after.metric() : before != null ? before.metric() : o.metricName(10);
            rows.add(new Row(o, metric, b, a, baseline.weight(id), run.weight(id), improvement, relative,
                    Movement.of(run.weight(id) - baseline.weight(id), improvement), List.copyOf(checks)));
        }
        return new Comparison(baseline, run, run.mandateHash().equals(mandate.sha256()), List.copyOf(rows));
    }
}

package org.mandate.audit.report;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether the model trained under the mandate meets one of its floors or ceilings: the threshold the
 * panel set, the value measured on held-out users, and the verdict. A bound is a promise, so the report
 * states each one as met or missed rather than leaving the reader to compare numbers.
 *
 * @param achieved the measured value, or null when the objective was not measured (then {@code met} is null)
 */
public record BoundResult(String objective, Bound.Kind kind, double threshold, Double achieved, Boolean met) {

    public BoundResult {
        Catalogue.get(objective);
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(threshold)) throw new IllegalArgumentException("threshold of " + objective + " is not finite");
        if (achieved != null && !Double.isFinite(achieved)) throw new IllegalArgumentException("measured value of " + objective + " is not finite");
        Boolean expected = achieved == null ? null : new Bound(objective, kind, threshold).isMetBy(achieved);
        if (!Objects.equals(expected, met)) {
            throw new IllegalArgumentException("bound on " + objective + ": " + achieved + " against " + kind.name().toLowerCase()
                    + " " + threshold + " is " + (expected == null ? "not measured" : expected ? "met" : "missed") + ", not " + met);
        }
    }

    /** Every bound of the mandate checked against a run's held-out metrics. */
    public static List<BoundResult> of(Mandate mandate, RunSummary run) {
        List<BoundResult> out = new ArrayList<>();
        for (Bound b : mandate.bounds()) {
            MetricValue v = run.metrics().get(b.objective());
            out.add(new BoundResult(b.objective(), b.kind(), b.value(), v == null ? null : v.value(), v == null ? null : b.isMetBy(v.value())));
        }
        return List.copyOf(out);
    }
}

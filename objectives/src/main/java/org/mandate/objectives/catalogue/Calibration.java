package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.Divergence;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.TreeMap;

/**
 * Calibration (Steck 2018): each list reflects the mix of interests in the person's history rather than
 * only their main one. With q_u the category mix of the history (each item's row of C, averaged) and r_u
 * the position-weighted category mix of the top-k list, Σ_r a(r) C_{R_u[r]} / Σ_r a(r), the headline is
 * KL(q_u ‖ r̃_u) in nats with r̃_u = (1 − α) r_u + α q_u, α = {@value #ALPHA} (the smoothing keeps it
 * finite), averaged over users with a history and a list; 0 = perfectly calibrated.
 * <p>
 * Detail {@code jensen_shannon}: the RADio-style rank-aware variant (Vrijenhoek et al. 2022),
 * JS(q_u, r_u) = ½KL(q_u ‖ m) + ½KL(r_u ‖ m), m = (q_u + r_u)/2, in bits, on the unsmoothed r_u; it is
 * symmetric and bounded in [0, 1], so it reads the same on any catalogue.
 */
public record Calibration() implements Objective {

    public static final String ID = "calibration";

    /** Steck's smoothing weight of the history in r̃_u. */
    public static final double ALPHA = 0.01;

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Faithful to each person's tastes", "Fidélité aux goûts de chacun"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Each list reflects the whole mix of what a person watches, not only their main interest: someone who watches "
                        + "mostly drama and some documentaries gets some documentaries too.",
                "Chaque liste reflète tout l'éventail de ce qu'une personne regarde, pas seulement son intérêt principal : "
                        + "quelqu'un qui regarde surtout des fictions et quelques documentaires reçoit aussi des documentaires.");
    }

    @Override public Direction direction() { return Direction.MINIMISE; }

    @Override public String metricName(int k) { return "calibration_kl@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        double kl = 0, js = 0;
        int counted = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            if (n == 0 || u.history().length == 0) continue;
            double[] q = data.items().categoryMix(u.history(), u.history().length, false);
            double[] r = data.items().categoryMix(u.recommended(), n, true);
            double[] smoothed = new double[r.length];
            for (int c = 0; c < r.length; c++) smoothed[c] = (1 - ALPHA) * r[c] + ALPHA * q[c];
            kl += Divergence.kl(q, smoothed);
            js += Divergence.jensenShannon(q, r);
            counted++;
        }
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("jensen_shannon", counted == 0 ? 0 : js / counted);
        details.put("users", (double) counted);
        return new MetricValue(ID, metricName(data.k()), counted == 0 ? 0 : kl / counted, details);
    }
}

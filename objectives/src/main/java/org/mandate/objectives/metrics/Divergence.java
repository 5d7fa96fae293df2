package org.mandate.objectives.metrics;

import java.util.HashMap;
import java.util.Map;

/** Divergences between discrete distributions, as the calibration and fragmentation metrics use them. */
public final class Divergence {

    private Divergence() {}

    /**
     * KL(p ‖ q) = Σ p_k ln(p_k / q_k) in nats, with 0·ln(0/q) = 0. Infinite where q_k = 0 < p_k: callers
     * smooth q first (calibration mixes in α·p).
     */
    public static double kl(double[] p, double[] q) {
        double d = 0;
        for (int k = 0; k < p.length; k++) if (p[k] > 0) d += p[k] * Math.log(p[k] / q[k]);
        return d;
    }

    /**
     * Jensen–Shannon divergence ½KL(p ‖ m) + ½KL(q ‖ m), m = (p + q)/2, in bits (log base 2), so it lies
     * in [0, 1] and is 1 exactly for disjoint supports, as RADio reports it. Finite without smoothing.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double d = 0;
        for (int k = 0; k < p.length; k++) {
            double m = (p[k] + q[k]) / 2;
            if (p[k] > 0) d += p[k] * Math.log(p[k] / m);
            if (q[k] > 0) d += q[k] * Math.log(q[k] / m);
        }
        return d / (2 * Math.log(2));
    }

    /** {@link #jensenShannon(double[], double[])} for sparse distributions keyed by item. */
    public static double jensenShannon(Map<Integer, Double> p, Map<Integer, Double> q) {
        Map<Integer, Double> m = new HashMap<>();
        p.forEach((i, w) -> m.merge(i, w / 2, Double::sum));
        q.forEach((i, w) -> m.merge(i, w / 2, Double::sum));
        double d = 0;
        for (Map.Entry<Integer, Double> e : p.entrySet()) if (e.getValue() > 0) d += e.getValue() * Math.log(e.getValue() / m.get(e.getKey()));
        for (Map.Entry<Integer, Double> e : q.entrySet()) if (e.getValue() > 0) d += e.getValue() * Math.log(e.getValue() / m.get(e.getKey()));
        return d / (2 * Math.log(2));
    }

    /**
     * A top-k list as a rank-aware distribution over items (RADio): item at rank r gets a(r) / Σ a,
     * over the first {@code n} items.
     */
    public static Map<Integer, Double> rankAware(int[] list, int n) {
        double total = 0;
        for (int r = 0; r < n; r++) total += PositionWeight.at(r + 1);
        Map<Integer, Double> d = new HashMap<>();
        for (int r = 0; r < n; r++) d.merge(list[r], PositionWeight.at(r + 1) / total, Double::sum);
        return d;
    }
}

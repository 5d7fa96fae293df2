package org.mandate.objectives.tally;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Byzantine-resilient rule after Tournesol's quadratically regularised median (QrMed; Allouah et al.,
 * "Robust sparse voting", AISTATS 2024, and the {@code solidago} pipeline). For each objective j it
 * takes
 * <pre>  q_j = argmin_m  (m − a)² / (2L) + Σ_i r_i · sqrt(Δ² + (x_ij − m)²)</pre>
 * with voting rights r_i, anchor a = 1/(number of objectives), Lipschitz constant L and smoothing Δ,
 * then projects q onto the simplex (Euclidean projection). The regulariser makes the median
 * L-Lipschitz in the rights: a voter of right r_i moves any q_j by at most L·r_i, however extreme
 * their ballot, and the projection does not enlarge that in ℓ2. The price: with few voters the outcome
 * is pulled towards equal weights, so unanimity only holds as the panel grows (Σ r_i ≫ 1/L).
 *
 * @param lipschitz the most one unit of voting right can move an objective's weight, L &gt; 0
 * @param delta     smoothing of |x − m| (in weight units), Δ &gt; 0; plays the role of a voter's uncertainty
 */
public record QrMedianRule(double lipschitz, double delta) implements WeightRule {

    public static final String ID = "qr_median";

    public static final double DEFAULT_LIPSCHITZ = 0.1;
    public static final double DEFAULT_DELTA = 0.01;

    private static final int BISECTION_STEPS = 200;

    public QrMedianRule {
        if (!(lipschitz > 0) || !Double.isFinite(lipschitz)) throw new IllegalArgumentException("qr_median needs a finite lipschitz > 0, got " + lipschitz);
        if (!(delta > 0) || !Double.isFinite(delta)) throw new IllegalArgumentException("qr_median needs a finite delta > 0, got " + delta);
    }

    public QrMedianRule() {
        this(DEFAULT_LIPSCHITZ, DEFAULT_DELTA);
    }

    @Override public String id() { return ID; }

    @Override public int version() { return 1; }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("lipschitz", lipschitz);
        s.put("delta", delta);
        s.put("anchor", "uniform");
        s.put("projection", "euclidean_simplex");
        return s;
    }

    @Override
    public double[] aggregate(double[][] profile) {
        Profiles.requireValid(profile);
        return aggregate(profile, null);
    }

    @Override
    public double[] aggregate(double[][] profile, double[] rights) {
        return Simplex.project(regularisedMedians(profile, rights));
    }

    /** The per-objective QrMed values q_j before projection. */
    double[] regularisedMedians(double[][] profile, double[] rights) {
        Profiles.requireValid(profile);
        double[] r = Profiles.rights(rights, profile.length);
        int m = profile[0].length;
        double anchor = 1.0 / m;
        double[] q = new double[m];
        for (int j = 0; j < m; j++) q[j] = qrMedian(profile, j, r, anchor);
        return q;
    }

    /**
     * Root of the strictly increasing derivative (m − a)/L + Σ r_i (m − x_i)/sqrt(Δ² + (m − x_i)²),
     * bracketed by the smallest and largest of the anchor and the values; bisection to the last bit.
     */
    private double qrMedian(double[][] profile, int j, double[] rights, double anchor) {
        double lo = anchor, hi = anchor;
        for (double[] ballot : profile) { lo = Math.min(lo, ballot[j]); hi = Math.max(hi, ballot[j]); }
        double delta2 = delta * delta;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) break;
            double g = (mid - anchor) / lipschitz;
            for (int v = 0; v < profile.length; v++) {
                double d = mid - profile[v][j];
                g += rights[v] * d / Math.sqrt(delta2 + d * d);
            }
            if (g < 0) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}

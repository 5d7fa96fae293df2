package org.mandate.objectives.tally;

import java.util.Arrays;

/** Euclidean projection onto the probability simplex (Duchi, Shalev-Shwartz, Singer and Chandra, ICML 2008). */
public final class Simplex {

    private Simplex() {}

    /** The point of the simplex nearest to {@code v} in ℓ2: w_j = max(v_j − θ, 0) with θ making Σ w = 1. */
    public static double[] project(double[] v) {
        if (v == null || v.length == 0) throw new IllegalArgumentException("cannot project an empty vector");
        for (double x : v) if (!Double.isFinite(x)) throw new IllegalArgumentException("cannot project a non-finite value " + x);
        double[] u = v.clone();
        Arrays.sort(u);
        double cumulative = 0, theta = 0;
        for (int i = u.length - 1, rank = 1; i >= 0; i--, rank++) {
            cumulative += u[i];
            double candidate = (cumulative - 1) / rank;
            if (u[i] - candidate > 0) theta = candidate;
        }
        double[] w = new double[v.length];
        for (int j = 0; j < v.length; j++) w[j] = Math.max(v[j] - theta, 0);
        return Profiles.normalise(w);
    }
}

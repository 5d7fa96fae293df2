package org.mandate.objectives.tally;

import java.util.Arrays;
import java.util.Map;

/**
 * The moving-phantoms "independent markets" rule of Freeman, Pennock, Peters and Wortman Vaughan
 * (EC 2019 / JET 2021). For each objective j the outcome is the median of the n voters' weights and
 * n+1 phantom values f_k(t) = min(1, t·(n−k)), k = 0..n; the phantoms rise together with t until the
 * medians sum to 1. Unlike the mean it is strategyproof under ℓ1 preferences (no voter gets closer to
 * their ideal by misreporting) and proportional: if every voter puts everything on one objective, each
 * objective gets the share of its supporters.
 */
public record IndependentMarketsRule() implements WeightRule {

    public static final String ID = "independent_markets";

    private static final int BISECTION_STEPS = 200;

    @Override public String id() { return ID; }

    @Override public int version() { return 1; }

    @Override public Map<String, Object> settings() { return Map.of("phantoms", "f_k(t)=min(1,t(n-k))", "solver", "bisection"); }

    @Override
    public double[] aggregate(double[][] profile) {
        Profiles.requireValid(profile);
        int n = profile.length, m = profile[0].length;
        double[][] columns = new double[m][n];
        for (int v = 0; v < n; v++) {
            for (int j = 0; j < m; j++) columns[j][v] = profile[v][j];
        }
        for (double[] column : columns) Arrays.sort(column);

        // Σ_j median_j(t) is continuous and non-decreasing in t, ≤ 1 at t = 0 and ≥ 1 at t = 1.
        double lo = 0, hi = 1;
        for (int step = 0; step < BISECTION_STEPS && hi - lo > 0; step++) {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) break;
            if (sumOfMedians(columns, n, mid) < 1) lo = mid; else hi = mid;
        }
        double[] out = new double[m];
        for (int j = 0; j < m; j++) out[j] = median(columns[j], n, hi);
        return Profiles.normalise(out);
    }

    private static double sumOfMedians(double[][] columns, int n, double t) {
        double sum = 0;
        for (double[] column : columns) sum += median(column, n, t);
        return sum;
    }

    /**
     * The (n+1)-th smallest of the n sorted voter values and the n+1 phantoms, found by merging two
     * ascending sequences; the phantoms ascend as k goes from n down to 0.
     */
    static double median(double[] sortedVoters, int n, double t) {
        int target = n + 1;
        int v = 0, k = n;
        double current = 0;
        for (int taken = 0; taken < target; taken++) {
            double phantom = k >= 0 ? Math.min(1.0, t * (n - k)) : Double.POSITIVE_INFINITY;
            double voter = v < n ? sortedVoters[v] : Double.POSITIVE_INFINITY;
            if (voter <= phantom) {
                current = voter;
                v++;
            } else {
                current = phantom;
                k--;
            }
        }
        return current;
    }
}

package org.mandate.objectives.tally;

import java.util.Map;

/**
 * The moving-phantoms "independent markets" rule of Freeman, Pennock, Peters and Wortman Vaughan
 * (EC 2019 / JET 2021). For each objective j the outcome is the median of the n voters' weights and
 * n+1 phantom values f_k(t) = min(1, t·(n−k)), k = 0..n; the phantoms rise together with t until the
 * medians sum to 1. Unlike the mean it is strategyproof under ℓ1 preferences (no voter gets closer to
 * their ideal by misreporting) and proportional: if every voter puts everything on one objective, each
 * objective gets the share of its supporters. The medians are computed by {@link MovingPhantoms}
 * (binary search over the sorted columns); {@link #median} is the original linear merge, kept as the
 * test oracle that the faster search returns exactly the same values.
 */
public record IndependentMarketsRule() implements PhantomRule {

    public static final String ID = "independent_markets";

    @Override public String id() { return ID; }

    @Override public int version() { return 1; }

    @Override public Map<String, Object> settings() { return Map.of("phantoms", "f_k(t)=min(1,t(n-k))", "solver", "bisection"); }

    @Override
    public double phantom(long k, long n, double t) {
        return Math.min(1.0, t * (n - k));
    }


    /**
     * Reference implementation, kept as the oracle of the fast binary-search median (tests compare them):
     * the (n+1)-th smallest of the n sorted voter values and the n+1 phantoms, found by merging two
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

package org.mandate.objectives.tally;

/** Checks and helpers shared by the weight rules. */
final class Profiles {

    private Profiles() {}

    static void requireValid(double[][] profile) {
        if (profile == null || profile.length == 0) throw new IllegalArgumentException("cannot tally an empty profile: no ballots");
        int m = profile[0].length;
        if (m == 0) throw new IllegalArgumentException("ballots have no objectives");
        for (int v = 0; v < profile.length; v++) {
            if (profile[v].length != m) throw new IllegalArgumentException("ballot " + v + " has " + profile[v].length + " weights, expected " + m);
            double sum = 0;
            for (double w : profile[v]) {
                if (!Double.isFinite(w) || w < 0) throw new IllegalArgumentException("ballot " + v + " has an invalid weight " + w);
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("ballot " + v + " sums to " + sum + ", not 1");
        }
    }

    /** Divides by the sum so that floating-point slack never leaves the simplex. */
    static double[] normalise(double[] w) {
        double sum = 0;
        for (double x : w) sum += x;
        if (!(sum > 0)) throw new IllegalStateException("aggregate has no mass");
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) out[j] = w[j] / sum;
        return out;
    }

    /** Rights as given (checked: one per ballot, finite, non-negative, some positive), or all 1 when null. */
    static double[] rights(double[] rights, int voters) {
        if (rights == null) {
            double[] ones = new double[voters];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        }
        if (rights.length != voters) throw new IllegalArgumentException(rights.length + " voting rights for " + voters + " ballots");
        double total = 0;
        for (double r : rights) {
            if (!Double.isFinite(r) || r < 0) throw new IllegalArgumentException("invalid voting right " + r);
            total += r;
        }
        if (!(total > 0)) throw new IllegalArgumentException("no ballot carries a voting right");
        return rights;
    }
}

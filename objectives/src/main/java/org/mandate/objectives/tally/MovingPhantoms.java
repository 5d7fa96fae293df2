package org.mandate.objectives.tally;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The engine shared by every moving-phantom rule (Freeman, Pennock, Peters and Wortman Vaughan,
 * "Truthful aggregation of budget proposals", EC 2019 / JET 2021): for each objective the outcome is
 * the median of the n voter values and n+1 phantom values f_k(t), k = 0..n; t rises by bisection until
 * the medians sum to 1. A family is fixed by its phantom functions alone.
 *
 * <p>Each column is sorted once; the median at a given t is then found by binary search over the sorted
 * column and over the (monotone) phantoms, O(log² n) instead of a linear merge, so that a million
 * ballots cost a sort plus a few thousand comparisons per bisection step. Voters may carry whole-number
 * multiplicities (delegated votes): a voter of weight 3 counts as three identical ballots, n being the
 * total weight, which keeps the strategyproofness of the unweighted rule for each copy.
 */
final class MovingPhantoms {

    /** Phantom functions: f_k(t) is continuous and non-decreasing in t, non-increasing in k, f(0)=0, f(1)=1. */
    @FunctionalInterface
    interface Phantoms {
        double at(long k, long n, double t);
    }

    private static final int BISECTION_STEPS = 200;
    private static final int PARALLEL_SORT_THRESHOLD = 1 << 16;

    private MovingPhantoms() {}

    /** A sorted column with cumulative multiplicities ({@code cumulative == null} means every voter counts once). */
    record Column(double[] sorted, long[] cumulative) {
        long total() { return cumulative == null ? sorted.length : cumulative[sorted.length]; }
        long countUpTo(int index) { return cumulative == null ? index : cumulative[index]; }
    }

    static double[] aggregate(double[][] profile, long[] multiplicity, Phantoms phantoms) {
        Profiles.requireValid(profile);
        int m = profile[0].length;
        Column[] columns = new Column[m];
        for (int j = 0; j < m; j++) columns[j] = column(profile, j, multiplicity);
        long n = columns[0].total();
        if (n == 0) throw new IllegalArgumentException("no ballot carries a voting right");

        // Σ_j median_j(t) is continuous and non-decreasing in t, 0 ≤ ... ≤ 1 at t = 0 and ≥ 1 at t = 1.
        double lo = 0, hi = 1;
        for (int step = 0; step < BISECTION_STEPS && hi - lo > 0; step++) {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) break;
            double sum = 0;
            for (Column c : columns) sum += median(c, n, mid, phantoms);
            if (sum < 1) lo = mid; else hi = mid;
        }
        double[] out = new double[m];
        for (int j = 0; j < m; j++) out[j] = median(columns[j], n, hi, phantoms);
        return Profiles.normalise(out);
    }

    static Column column(double[][] profile, int j, long[] multiplicity) {
        int count = profile.length;
        if (multiplicity == null) {
            double[] values = new double[count];
            for (int v = 0; v < count; v++) values[v] = profile[v][j];
            if (count >= PARALLEL_SORT_THRESHOLD) Arrays.parallelSort(values); else Arrays.sort(values);
            return new Column(values, null);
        }
        Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(v -> profile[v][j]));
        double[] values = new double[count];
        long[] cumulative = new long[count + 1];
        for (int i = 0; i < count; i++) {
            values[i] = profile[order[i]][j];
            cumulative[i + 1] = cumulative[i] + multiplicity[order[i]];
        }
        return new Column(values, cumulative);
    }

    /**
     * The (n+1)-th smallest of the voter values (with multiplicity) and the n+1 phantoms. Phantoms in
     * ascending order are p_r = f_{n−r}(t), r = 0..n. The answer is the smallest value x of either kind
     * with #{values ≤ x} ≥ n+1; both candidate searches are monotone, hence binary searches.
     */
    static double median(Column c, long n, double t, Phantoms f) {
        long target = n + 1;
        double[] a = c.sorted();
        // Smallest voter index i with count(voters ≤ a[i] up to i) + #phantoms ≤ a[i] ≥ target.
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c.countUpTo(mid + 1) + phantomsAtMost(a[mid], n, t, f) >= target) hi = mid; else lo = mid + 1;
        }
        double voterCandidate = lo < a.length ? a[lo] : Double.POSITIVE_INFINITY;
        // Smallest phantom rank r with (r+1) + #voters ≤ p_r ≥ target.
        long plo = 0, phi = n + 1;
        while (plo < phi) {
            long mid = (plo + phi) >>> 1;
            double p = f.at(n - mid, n, t);
            if (mid + 1 + c.countUpTo(upperBound(a, p)) >= target) phi = mid; else plo = mid + 1;
        }
        double phantomCandidate = plo <= n ? f.at(n - plo, n, t) : Double.POSITIVE_INFINITY;
        return Math.min(voterCandidate, phantomCandidate);
    }

    /** How many phantoms are ≤ x: phantoms ascend with r, so the first r whose phantom exceeds x. */
    private static long phantomsAtMost(double x, long n, double t, Phantoms f) {
        long lo = 0, hi = n + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (f.at(n - mid, n, t) > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** First index whose value exceeds x. */
    private static int upperBound(double[] a, double x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** Whole-number multiplicities from voting rights, or null when every right is equal. */
    static long[] multiplicities(String rule, double[] rights, int voters) {
        if (rights == null) return null;
        if (rights.length != voters) throw new IllegalArgumentException(rights.length + " voting rights for " + voters + " ballots");
        if (VotingRights.allEqual(rights)) return null;
        long[] out = new long[voters];
        for (int v = 0; v < voters; v++) {
            double r = rights[v];
            if (!(r >= 0) || r != Math.rint(r) || r > 1e15) {
                throw new IllegalArgumentException(rule + " counts whole ballots: voting rights must be whole numbers "
                        + "(e.g. delegated votes), not " + r + "; use a rule without phantoms for fractional or capped rights");
            }
            out[v] = (long) r;
        }
        return out;
    }
}

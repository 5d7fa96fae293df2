package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Uncertainty of a weight tally: bootstrap intervals and leave-one-out sensitivity. Both put the
 * ballots in voter order first and draw from a seeded {@link SplittableRandom}, so the same ballots in
 * any order and the same seed give identical numbers on every machine.
 */
public final class Robustness {

    /** Ties in the leave-one-out shift closer than this are reported together. */
    static final double TIE = 1e-12;

    private Robustness() {}

    public static BootstrapInterval bootstrap(List<WeightBallot> ballots, ObjectiveMenu menu, WeightRule rule,
                                              int resamples, long seed, double level) {
        double[][] profile = Tally.profile(Tally.admitted(ballots, menu), menu);
        double[][] bounds = bootstrap(profile, rule, resamples, seed, level);
        TreeMap<String, Double> lower = new TreeMap<>(), upper = new TreeMap<>();
        for (int j = 0; j < menu.size(); j++) {
            lower.put(menu.objectives().get(j), bounds[0][j]);
            upper.put(menu.objectives().get(j), bounds[1][j]);
        }
        return new BootstrapInterval(resamples, seed, level, lower, upper);
    }

    /** {lower, upper} per objective of the percentile bootstrap over the rows of {@code profile}. */
    public static double[][] bootstrap(double[][] profile, WeightRule rule, int resamples, long seed, double level) {
        Profiles.requireValid(profile);
        if (resamples < 1) throw new IllegalArgumentException("the bootstrap needs at least one resample, got " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        if (Math.abs(seed) > (1L << 53)) throw new IllegalArgumentException("the seed must be within ±2^53 so the record's JSON keeps it exactly, got " + seed);
        int n = profile.length, m = profile[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] draws = new double[m][resamples];
        double[][] sample = new double[n][];
        for (int b = 0; b < resamples; b++) {
            for (int v = 0; v < n; v++) sample[v] = profile[random.nextInt(n)];
            double[] w = rule.aggregate(sample);
            for (int j = 0; j < m; j++) draws[j][b] = w[j];
        }
        double[][] out = new double[2][m];
        for (int j = 0; j < m; j++) {
            Arrays.sort(draws[j]);
            out[0][j] = quantile(draws[j], (1 - level) / 2);
            out[1][j] = quantile(draws[j], (1 + level) / 2);
        }
        return out;
    }

    /** Nearest-rank quantile of sorted values: the ⌈q·B⌉-th smallest (at least the first). */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static Sensitivity sensitivity(List<WeightBallot> ballots, ObjectiveMenu menu, WeightRule rule) {
        List<WeightBallot> ordered = Tally.admitted(ballots, menu);
        double[] shifts = leaveOneOut(Tally.profile(ordered, menu), rule);
        double max = Arrays.stream(shifts).max().orElseThrow();
        List<String> who = new ArrayList<>();
        for (int v = 0; v < shifts.length; v++) if (shifts[v] >= max - TIE) who.add(ordered.get(v).voter());
        return new Sensitivity(max, who);
    }

    /**
     * For each ballot, the ℓ1 distance between the outcome with and without it. O(n) reruns of the rule:
     * meant for panels (hundreds to thousands of ballots), not for national electorates.
     */
    public static double[] leaveOneOut(double[][] profile, WeightRule rule) {
        Profiles.requireValid(profile);
        int n = profile.length;
        if (n < 2) throw new IllegalArgumentException("sensitivity needs at least two ballots: removing the only one leaves nothing to tally");
        double[] full = rule.aggregate(profile);
        double[] shifts = new double[n];
        double[][] rest = new double[n - 1][];
        for (int v = 0; v < n; v++) {
            for (int u = 0, k = 0; u < n; u++) if (u != v) rest[k++] = profile[u];
            double[] w = rule.aggregate(rest);
            double d = 0;
            for (int j = 0; j < w.length; j++) d += Math.abs(w[j] - full[j]);
            shifts[v] = d;
        }
        return shifts;
    }
}

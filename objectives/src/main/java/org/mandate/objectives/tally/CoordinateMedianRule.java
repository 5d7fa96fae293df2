package org.mandate.objectives.tally;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The (weighted) median of each objective's weights, renormalised to sum to 1. Robust to a minority of
 * extreme ballots, but not strategyproof once renormalised. With an even total weight the median is the
 * midpoint of the lower and upper medians, so the rule treats objectives alike.
 *
 * <p>When every median is 0 (no objective is supported by half the panel, e.g. three voters each
 * putting everything on a different objective) there is nothing to renormalise: the rule then returns
 * the (weighted) mean, which is documented in its settings and tested.
 */
public record CoordinateMedianRule() implements WeightRule {

    public static final String ID = "coordinate_median";

    @Override public String id() { return ID; }

    @Override public int version() { return 1; }

    @Override public Map<String, Object> settings() { return Map.of("median", "midpoint of lower and upper weighted median", "renormalise", "divide by sum", "all_zero", "mean"); }

    @Override
    public double[] aggregate(double[][] profile) {
        Profiles.requireValid(profile);
        return aggregate(profile, null);
    }

    @Override
    public double[] aggregate(double[][] profile, double[] rights) {
        Profiles.requireValid(profile);
        double[] r = Profiles.rights(rights, profile.length);
        int m = profile[0].length;
        double[] medians = new double[m];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            medians[j] = weightedMedian(profile, j, r);
            sum += medians[j];
        }
        return sum > 0 ? Profiles.normalise(medians) : new MeanRule().aggregate(profile, r);
    }

    /** Midpoint of the smallest x with cumulative weight ≥ W/2 and the smallest x with cumulative weight > W/2. */
    static double weightedMedian(double[][] profile, int j, double[] rights) {
        int n = profile.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(v -> profile[v][j]));
        double total = 0;
        for (double r : rights) total += r;
        double half = total / 2, cumulative = 0;
        double lower = Double.NaN, upper = Double.NaN;
        for (int i = 0; i < n && Double.isNaN(upper); i++) {
            int v = order[i];
            if (rights[v] == 0) continue;
            cumulative += rights[v];
            double x = profile[v][j];
            if (Double.isNaN(lower) && cumulative >= half) lower = x;
            if (cumulative > half) upper = x;
        }
        if (Double.isNaN(upper)) upper = lower;
        return (lower + upper) / 2;
    }
}

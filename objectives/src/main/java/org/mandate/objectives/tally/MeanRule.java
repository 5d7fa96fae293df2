package org.mandate.objectives.tally;

import java.util.Map;

/**
 * The arithmetic mean of the ballots. Simple and equal in influence (1/n each), but manipulable: a
 * voter who exaggerates pulls the mean towards them.
 */
public record MeanRule() implements WeightRule {

    public static final String ID = "mean";

    @Override public String id() { return ID; }

    @Override public int version() { return 1; }

    @Override public Map<String, Object> settings() { return Map.of(); }

    @Override
    public double[] aggregate(double[][] profile) {
        Profiles.requireValid(profile);
        int m = profile[0].length;
        double[] mean = new double[m];
        for (double[] ballot : profile) {
            for (int j = 0; j < m; j++) mean[j] += ballot[j];
        }
        for (int j = 0; j < m; j++) mean[j] /= profile.length;
        return Profiles.normalise(mean);
    }

    /** The rights-weighted mean Σ r_i x_i / Σ r_i. */
    @Override
    public double[] aggregate(double[][] profile, double[] rights) {
        Profiles.requireValid(profile);
        if (rights == null) return aggregate(profile);
        double[] r = Profiles.rights(rights, profile.length);
        int m = profile[0].length;
        double[] mean = new double[m];
        for (int v = 0; v < profile.length; v++) {
            for (int j = 0; j < m; j++) mean[j] += r[v] * profile[v][j];
        }
        return Profiles.normalise(mean);
    }
}

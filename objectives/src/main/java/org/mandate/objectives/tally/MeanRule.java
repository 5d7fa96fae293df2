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
}

package org.mandate.training.eval;

import org.mandate.training.data.InteractionData;

import java.util.Arrays;

/** The non-personalised baseline: every user gets the most-consumed items of the training data. */
public final class MostPopular implements Recommender {

    private final double[] score;

    public MostPopular(InteractionData training) {
        int[] counts = training.itemCounts();
        score = new double[counts.length];
        // Ties broken towards the lower index, so the list is fully determined.
        for (int i = 0; i < counts.length; i++) score[i] = counts[i] - i * 1e-9;
    }

    @Override
    public double[][] scores(int[][] histories) {
        double[][] s = new double[histories.length][];
        for (int u = 0; u < histories.length; u++) s[u] = Arrays.copyOf(score, score.length);
        return s;
    }
}

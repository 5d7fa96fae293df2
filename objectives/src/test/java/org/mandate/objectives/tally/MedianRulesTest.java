package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MedianRulesTest {

    @Test
    void coordinateMedianHandComputed() {
        // Medians .5, .3, .4 sum to 1.2 → (5/12, 3/12, 4/12).
        double[][] profile = {{0.6, 0.4, 0}, {0.2, 0.3, 0.5}, {0.5, 0.1, 0.4}};
        assertArrayEquals(new double[]{5 / 12.0, 3 / 12.0, 4 / 12.0}, new CoordinateMedianRule().aggregate(profile), 1e-12);
        // Even n: the midpoint of the two middle values, .75 and .25.
        assertArrayEquals(new double[]{0.75, 0.25}, new CoordinateMedianRule().aggregate(new double[][]{{1, 0}, {0.5, 0.5}}), 1e-12);
    }

    @Test
    void coordinateMedianWithRightsAndItsAllZeroFallback() {
        // Rights 3 and 1: total 4, the voter of right 3 holds the median of both coordinates.
        assertArrayEquals(new double[]{1, 0}, new CoordinateMedianRule().aggregate(new double[][]{{0.5, 0.5}, {1, 0}}, new double[]{1, 3}), 1e-12);
        // Nobody shares anyone's objective: every median is 0, documented fallback to the mean.
        double[][] split = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, new CoordinateMedianRule().aggregate(split), 1e-12);
    }

    @Test
    void qrMedianOfOneVoterMovesAtMostLipschitzFromTheAnchor() {
        // m = 2, anchor 1/2, L = 0.1, Δ → 0: argmin (q − ½)²/(2L) + |1 − q| is ½ + L = 0.6; likewise 0.4.
        QrMedianRule rule = new QrMedianRule(0.1, 1e-7);
        assertArrayEquals(new double[]{0.6, 0.4}, rule.aggregate(new double[][]{{1, 0}}), 1e-6);
        // A voter close to the anchor is followed exactly (|x − a| < L).
        assertArrayEquals(new double[]{0.55, 0.45}, rule.aggregate(new double[][]{{0.55, 0.45}}), 1e-6);
    }

    @Test
    void qrMedianApproachesTheMedianForLargePanels() {
        double[] w = {0.7, 0.2, 0.1};
        double[][] profile = new double[200][];
        Arrays.fill(profile, w);
        assertArrayEquals(w, new QrMedianRule().aggregate(profile), 2e-3);
    }

    @Test
    void qrMedianIsLipschitzResilient() {
        // Adding one ballot of right r moves every pre-projection coordinate by at most L·r.
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(10), m = 2 + random.nextInt(4);
            double[][] profile = Profiles4Test.random(random, n, m);
            double[] rights = new double[n + 1];
            for (int v = 0; v <= n; v++) rights[v] = 0.1 + 2 * random.nextDouble();
            QrMedianRule rule = new QrMedianRule(0.05 + random.nextDouble() / 5, 0.001 + random.nextDouble() / 20);
            double[][] withOne = Arrays.copyOf(profile, n + 1);
            withOne[n] = Profiles4Test.ballot(random, m);
            double[] before = rule.regularisedMedians(profile, Arrays.copyOf(rights, n));
            double[] after = rule.regularisedMedians(withOne, rights);
            for (int j = 0; j < m; j++) {
                assertTrue(Math.abs(after[j] - before[j]) <= rule.lipschitz() * rights[n] + 1e-9,
                        "moved " + Math.abs(after[j] - before[j]) + " > " + rule.lipschitz() * rights[n]);
            }
        }
    }

    @Test
    void simplexProjectionExamples() {
        assertArrayEquals(new double[]{0.5, 0.5}, Simplex.project(new double[]{0.6, 0.6}), 1e-15);
        assertArrayEquals(new double[]{1, 0, 0}, Simplex.project(new double[]{2, 0, 0}), 1e-15);
        assertArrayEquals(new double[]{0.7, 0.3, 0}, Simplex.project(new double[]{0.8, 0.4, -0.5}), 1e-15);
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, Simplex.project(new double[]{0.2, 0.2, 0.2}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Simplex.project(new double[]{Double.NaN}));
    }
}

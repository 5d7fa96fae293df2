package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PhantomRulesTest {

    static final MovingPhantoms.Phantoms INDEPENDENT = (k, n, t) -> Math.min(1.0, t * (n - k));

    @Test
    void utilitarianGivesEverythingToTheMajorityWhereIndependentMarketsIsProportional() {
        // Freeman et al. 2021: single-minded voters, 3 for A and 1 for B. Independent markets is
        // proportional (3/4, 1/4); the utilitarian outcome maximises −Σ‖x − p_i‖₁, i.e. (1, 0).
        double[][] profile = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}};
        assertArrayEquals(new double[]{1, 0, 0}, new UtilitarianPhantomsRule().aggregate(profile), 1e-9);
        assertArrayEquals(new double[]{0.75, 0.25, 0}, new IndependentMarketsRule().aggregate(profile), 1e-9);
    }

    @Test
    void utilitarianHandComputedExample() {
        // n = 3, phantoms f_k(t) = clamp(4t − k, 0, 1). At t = 3/8: f_0 = 1, f_1 = 1/2, f_2 = f_3 = 0.
        // Objective 1: {.2, .5, .6} ∪ {1, .5, 0, 0} → 4th smallest = .5; objective 2: {.4, .5, .3} ∪ ...
        // → .4; objective 3: {.4, 0, .1} ∪ ... → .1. Sum = 1, so (.5, .4, .1).
        double[][] profile = {{0.2, 0.4, 0.4}, {0.5, 0.5, 0.0}, {0.6, 0.3, 0.1}};
        assertArrayEquals(new double[]{0.5, 0.4, 0.1}, new UtilitarianPhantomsRule().aggregate(profile), 1e-9);
    }

    @Test
    void utilitarianMaximisesWelfareAsTheLiteratureStates() {
        // With ballots on a 1/20 grid the ℓ1-welfare optimum over the simplex lies on that grid (the
        // piecewise-linear objective has its vertices at ballot values), so a grid search finds it.
        Random random = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(7);
            double[][] profile = new double[n][3];
            for (double[] row : profile) {
                int a = random.nextInt(21), b = random.nextInt(21 - a);
                row[0] = a / 20.0; row[1] = b / 20.0; row[2] = (20 - a - b) / 20.0;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a <= 20; a++) for (int b = 0; a + b <= 20; b++) {
                best = Math.max(best, welfare(profile, new double[]{a / 20.0, b / 20.0, (20 - a - b) / 20.0}));
            }
            double[] out = new UtilitarianPhantomsRule().aggregate(profile);
            assertEquals(best, welfare(profile, out), 1e-9, () -> Arrays.deepToString(profile));
        }
    }

    @Test
    void fastMedianEqualsTheLinearMergeExactly() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(40);
            double[] column = new double[n];
            for (int v = 0; v < n; v++) column[v] = random.nextDouble() < 0.3 ? random.nextInt(3) / 2.0 : random.nextDouble();
            Arrays.sort(column);
            MovingPhantoms.Column c = new MovingPhantoms.Column(column, null);
            for (double t : new double[]{0, 1e-9, random.nextDouble() / n, random.nextDouble(), 0.5, 1}) {
                assertEquals(IndependentMarketsRule.median(column, n, t), MovingPhantoms.median(c, n, t, INDEPENDENT), 0.0);
            }
        }
    }

    @Test
    void wholeNumberRightsCountAsRepeatedBallots() {
        Random random = new Random(9);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(6);
            double[][] profile = Profiles4Test.random(random, n, 3);
            double[] rights = new double[n];
            java.util.List<double[]> expanded = new java.util.ArrayList<>();
            for (int v = 0; v < n; v++) {
                rights[v] = random.nextInt(4);
                for (int k = 0; k < rights[v]; k++) expanded.add(profile[v]);
            }
            if (expanded.isEmpty()) { rights[0] = 1; expanded.add(profile[0]); }
            double[][] copies = expanded.toArray(double[][]::new);
            for (WeightRule rule : new WeightRule[]{new IndependentMarketsRule(), new UtilitarianPhantomsRule(), new MeanRule(), new CoordinateMedianRule()}) {
                assertArrayEquals(rule.aggregate(copies), rule.aggregate(profile, rights), 1e-12, rule.id());
            }
        }
    }

    @Test
    void fractionalRightsAreRefusedByPhantomRules() {
        double[][] profile = {{1, 0}, {0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UtilitarianPhantomsRule().aggregate(profile, new double[]{1.5, 1}));
        assertTrue(e.getMessage().contains("whole numbers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IndependentMarketsRule().aggregate(profile, new double[]{0, 0}));
    }

    @Test
    void aMillionBallotsStayCorrect() {
        // Not a benchmark (that is bench/): a smoke test that the O(log n) median scales and agrees with a
        // closed form. 500,000 voters on (1,0) and 500,000 on (0,1): independent markets gives (1/2, 1/2).
        int n = 1_000_000;
        double[][] profile = new double[n][];
        double[] a = {1, 0}, b = {0, 1};
        for (int v = 0; v < n; v++) profile[v] = v % 2 == 0 ? a : b;
        assertArrayEquals(new double[]{0.5, 0.5}, new IndependentMarketsRule().aggregate(profile), 1e-9);
    }

    static double welfare(double[][] profile, double[] x) {
        double w = 0;
        for (double[] p : profile) w -= Profiles4Test.l1(p, x);
        return w;
    }
}

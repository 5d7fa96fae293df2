package org.mandate.objectives.tally;

import java.util.Random;

/** Random profiles for the rule tests: rows on the simplex, some zeros, reproducible from a seed. */
final class Profiles4Test {

    private Profiles4Test() {}

    static double[][] random(Random random, int n, int m) {
        double[][] profile = new double[n][];
        for (int v = 0; v < n; v++) profile[v] = ballot(random, m);
        return profile;
    }

    static double[] ballot(Random random, int m) {
        double[] row = new double[m];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double u = random.nextDouble();
            row[j] = u < 0.25 ? 0 : u < 0.35 ? 1 : random.nextDouble();
            sum += row[j];
        }
        if (sum == 0) { row[random.nextInt(m)] = 1; sum = 1; }
        for (int j = 0; j < m; j++) row[j] /= sum;
        return row;
    }

    static double l1(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += Math.abs(a[i] - b[i]);
        return d;
    }
}

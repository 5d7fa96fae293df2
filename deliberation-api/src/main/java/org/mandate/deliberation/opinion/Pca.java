package org.mandate.deliberation.opinion;

/**
 * The two leading principal components of a vote matrix, by power iteration (plain Java: the API module
 * carries no linear-algebra library). Missing votes are handled as pol.is does: each statement is centred
 * over the votes it received, an unseen vote then contributes 0 (the statement's mean), and a
 * participant's projection is scaled up by sqrt(statements / statements seen) so that someone who voted
 * on few statements is not pulled towards the centre merely for having voted little.
 */
public final class Pca {

    private static final int MAX_ITERATIONS = 1_000;
    private static final double TOLERANCE = 1e-12;

    private Pca() {}

    /** Participants' coordinates on the first two components: {@code [row][0..1]}. */
    public static double[][] project(VoteMatrix m) {
        int n = m.rows(), d = m.columns();
        double[][] centred = centre(m);
        double[] first = leadingComponent(centred, d, null);
        double[] second = d > 1 ? leadingComponent(centred, d, first) : new double[d];
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            int seen = 0;
            for (int j = 0; j < d; j++) if (m.seen(i, j)) seen++;
            double scale = seen == 0 ? 0 : Math.sqrt((double) d / seen);
            out[i][0] = scale * dot(centred[i], first);
            out[i][1] = scale * dot(centred[i], second);
        }
        return out;
    }

    /** Votes minus each statement's mean over the votes it received; unseen cells become 0. */
    static double[][] centre(VoteMatrix m) {
        int n = m.rows(), d = m.columns();
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int seen = 0;
            for (int i = 0; i < n; i++) if (m.seen(i, j)) { sum += m.vote(i, j); seen++; }
            mean[j] = seen == 0 ? 0 : sum / seen;
        }
        double[][] c = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) c[i][j] = m.seen(i, j) ? m.vote(i, j) - mean[j] : 0;
        return c;
    }

    /**
     * The unit eigenvector of XᵀX with the largest eigenvalue, orthogonal to {@code exclude} when given
     * (deflation by projection). The start vector is fixed, and the sign is normalised so the largest
     * entry is positive: the same votes always give the same map.
     */
    static double[] leadingComponent(double[][] x, int d, double[] exclude) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) v[j] = 1.0 / (j + 1) + 0.5 * ((j * 7919) % 13) / 13.0;
        orthogonalise(v, exclude);
        if (!normalise(v)) return new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[d];
            for (double[] row : x) {
                double p = dot(row, v);
                if (p != 0) for (int j = 0; j < d; j++) next[j] += p * row[j];
            }
            orthogonalise(next, exclude);
            if (!normalise(next)) return new double[d]; // no variance left in this direction
            double change = 0;
            for (int j = 0; j < d; j++) change = Math.max(change, Math.abs(next[j] - v[j]));
            v = next;
            if (change < TOLERANCE) break;
        }
        int largest = 0;
        for (int j = 1; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[largest]) + 1e-12) largest = j;
        if (v[largest] < 0) for (int j = 0; j < d; j++) v[j] = -v[j];
        return v;
    }

    private static void orthogonalise(double[] v, double[] against) {
        if (against == null) return;
        double p = dot(v, against);
        for (int j = 0; j < v.length; j++) v[j] -= p * against[j];
    }

    private static boolean normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-12) return false;
        for (int j = 0; j < v.length; j++) v[j] /= norm;
        return true;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}

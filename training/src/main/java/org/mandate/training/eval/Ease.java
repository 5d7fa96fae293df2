package org.mandate.training.eval;

import org.mandate.training.data.InteractionData;

import java.util.stream.IntStream;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): an item-item weight matrix in closed form,
 * {@code B = I − P·diagMat(1/diag(P))} with {@code P = (XᵀX + λI)⁻¹} and {@code diag(B) = 0}; a user's
 * scores are {@code x_u·B}. A strong linear baseline a neural model must beat on relevance.
 *
 * <p>{@code XᵀX + λI} is symmetric positive definite, so P comes from its Cholesky factor {@code L Lᵀ}:
 * {@code P = L⁻ᵀ L⁻¹}, about n³/2 multiply-adds in plain Java doubles (ND4J M2.1's {@code InvertMatrix} took
 * 134 s at 800 items). Every inner loop is a dot product of two contiguous rows; the loops that are
 * independent run in parallel, and each output element is computed by one thread in a fixed order, so the
 * weights are bit-for-bit the same on any number of cores. Double precision because λ is small next to
 * popular items' counts and float round-off would show up in the off-diagonal weights.
 */
public final class Ease implements Recommender {

    private final int items;
    private final double lambda;
    /** weights[i][j]: how much having consumed i recommends j; weights[i][i] = 0. */
    private final double[][] weights;

    /** @param lambda L2 penalty, positive; Steck uses a few hundred on MovieLens-20M, less suits small data */
    public Ease(InteractionData training, double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        this.items = training.itemCount();
        this.lambda = lambda;
        double[][] gram = new double[items][items];
        for (int[] h : training.histories()) {
            for (int a : h) for (int b : h) gram[a][b] += 1;
        }
        for (int i = 0; i < items; i++) gram[i][i] += lambda;
        double[][] p = spdInverse(gram);
        // B is built in P's own array: at I = 3,706 (MovieLens 1M) each I×I copy is 110 MB.
        double[] diagonal = new double[items];
        for (int j = 0; j < items; j++) diagonal[j] = p[j][j];
        for (int i = 0; i < items; i++) {
            double[] row = p[i];
            for (int j = 0; j < items; j++) row[j] = i == j ? 0 : -row[j] / diagonal[j];
        }
        this.weights = p;
    }

    /**
     * The inverse of a symmetric positive definite matrix, which is overwritten (it becomes the result, so
     * only one more n×n array is allocated). Throws if the matrix is not positive definite.
     */
    static double[][] spdInverse(double[][] a) {
        int n = a.length;
        // 1. A = L Lᵀ in place, row-oriented (Cholesky–Crout): L[i][j] = (A[i][j] − L[i][0..j)·L[j][0..j)) / L[j][j].
        //    Column j's entries below the diagonal only read finished columns, so rows i > j run in parallel.
        for (int j = 0; j < n; j++) {
            double[] lj = a[j];
            double d = lj[j] - dot(lj, lj, 0, j);
            if (!(d > 0)) throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + ": " + d + ")");
            double djj = Math.sqrt(d);
            lj[j] = djj;
            int col = j;
            rows(j + 1, n, n - j - 1 > 64, i -> {
                double[] li = a[i];
                li[col] = (li[col] - dot(li, lj, 0, col)) / djj;
            });
        }
        // 2. Rows of Mᵀ where M = L⁻¹: column c of M solves L m = e_c by forward substitution, independently of
        //    the other columns; m[i] = 0 for i < c, so only m[c..n) is computed, stored as mt[c][c..n).
        double[][] mt = new double[n][];
        IntStream.range(0, n).parallel().forEach(c -> {
            double[] m = new double[n];
            m[c] = 1 / a[c][c];
            for (int i = c + 1; i < n; i++) {
                double[] li = a[i];
                m[i] = -dot(li, m, c, i) / li[i];
            }
            mt[c] = m;
        });
        // 3. P = Mᵀ M: P[i][j] = Σ_{k ≥ max(i,j)} M[k][i] M[k][j] = mt[i][k..)·mt[j][k..); L (in a) is no longer needed.
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] pi = a[i], mi = mt[i];
            for (int j = 0; j <= i; j++) pi[j] = dot(mi, mt[j], i, n);
        });
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[j][i] = a[i][j];
        return a;
    }

    /** Runs body for each index in [from, to), in parallel when there is enough work to pay for the fork. */
    private static void rows(int from, int to, boolean parallel, java.util.function.IntConsumer body) {
        if (parallel) IntStream.range(from, to).parallel().forEach(body);
        else for (int i = from; i < to; i++) body.accept(i);
    }

    /**
     * x[from..to)·y[from..to) with four accumulators: independent add chains let the CPU pipeline them (a single
     * chain waits on each add's latency). The summation order is fixed, so the result is deterministic.
     */
    static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += x[k] * y[k];
            s1 += x[k + 1] * y[k + 1];
            s2 += x[k + 2] * y[k + 2];
            s3 += x[k + 3] * y[k + 3];
        }
        for (; k < to; k++) s0 += x[k] * y[k];
        return (s0 + s1) + (s2 + s3);
    }

    public double lambda() {
        return lambda;
    }

    /** The learned weight from item {@code from} to item {@code to}. */
    public double weight(int from, int to) {
        return weights[from][to];
    }

    @Override
    public double[][] scores(int[][] histories) {
        double[][] out = new double[histories.length][items];
        for (int u = 0; u < histories.length; u++) {
            double[] s = out[u];
            // x_u is 0/1, so x_u·B is the sum of the rows of the consumed items.
            for (int i : histories[u]) {
                double[] row = weights[i];
                for (int j = 0; j < items; j++) s[j] += row[j];
            }
        }
        return out;
    }
}

package org.mandate.bench;

import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.Ease;
import org.mandate.training.eval.Recommender;

/**
 * EASE (Steck 2019) with the same closed form as training's {@link Ease}, B = I − P·diagMat(1/diag(P)),
 * P = (XᵀX + λI)⁻¹, diag(B) = 0, but P from a Cholesky factorisation in plain Java (XᵀX + λI is symmetric positive
 * definite): about n³ flops in all, seconds at 1,682 items, where ND4J M2.1's {@code InvertMatrix} took minutes
 * (134 s at 800 items). For benchmarks only; {@link #checkAgainstEase} compares the two on a small catalogue.
 */
final class CholeskyEase implements Recommender {

    private final int items;
    private final double[][] weights;

    private CholeskyEase(double[][] weights) {
        this.items = weights.length;
        this.weights = weights;
    }

    static CholeskyEase of(InteractionData training, double lambda) {
        int n = training.itemCount();
        double[][] a = new double[n][n];
        for (int[] h : training.histories()) for (int x : h) for (int y : h) a[x][y] += 1;
        for (int i = 0; i < n; i++) a[i][i] += lambda;
        double[][] p = inverse(a);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
        return new CholeskyEase(b);
    }

    /** Inverse of a symmetric positive definite matrix: A = L Lᵀ, then A⁻¹ = L⁻ᵀ L⁻¹. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] lj = l[j];
            double d = a[j][j];
            for (int k = 0; k < j; k++) d -= lj[k] * lj[k];
            if (!(d > 0)) throw new IllegalArgumentException("not positive definite at " + j);
            double djj = Math.sqrt(d);
            lj[j] = djj;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= li[k] * lj[k];
                li[j] = s / djj;
            }
        }
        // M = L⁻¹ (lower triangular), row by row: M[i][j] = (δij − Σ_{k=j}^{i−1} L[i][k] M[k][j]) / L[i][i].
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] mi = m[i], li = l[i];
            for (int k = 0; k < i; k++) {
                double lik = li[k];
                if (lik == 0) continue;
                double[] mk = m[k];
                for (int j = 0; j <= k; j++) mi[j] -= lik * mk[j];
            }
            mi[i] += 1;
            double inv = 1 / li[i];
            for (int j = 0; j <= i; j++) mi[j] *= inv;
        }
        // A⁻¹ = Mᵀ M: (A⁻¹)[i][j] = Σ_{k ≥ max(i,j)} M[k][i] M[k][j].
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] mk = m[k];
            for (int i = 0; i <= k; i++) {
                double mki = mk[i];
                if (mki == 0) continue;
                double[] oi = out[i];
                for (int j = 0; j <= i; j++) oi[j] += mki * mk[j];
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) out[j][i] = out[i][j];
        return out;
    }

    /** Largest absolute difference between these weights and training's {@link Ease} on a 150-item catalogue. */
    static double checkAgainstEase(double lambda) {
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(5).withSize(150, 400));
        CholeskyEase fast = of(data, lambda);
        Ease reference = new Ease(data, lambda);
        double worst = 0;
        for (int i = 0; i < data.itemCount(); i++) {
            for (int j = 0; j < data.itemCount(); j++) worst = Math.max(worst, Math.abs(fast.weights[i][j] - reference.weight(i, j)));
        }
        if (worst > 1e-8) throw new IllegalStateException("CholeskyEase differs from Ease by " + worst);
        return worst;
    }

    @Override
    public double[][] scores(int[][] histories) {
        double[][] out = new double[histories.length][items];
        for (int u = 0; u < histories.length; u++) {
            double[] s = out[u];
            for (int i : histories[u]) {
                double[] row = weights[i];
                for (int j = 0; j < items; j++) s[j] += row[j];
            }
        }
        return out;
    }
}

package org.mandate.training.eval;

import org.mandate.training.data.InteractionData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): an item-item weight matrix in closed form,
 * {@code B = I − P·diagMat(1/diag(P))} with {@code P = (XᵀX + λI)⁻¹} and {@code diag(B) = 0}; a user's
 * scores are {@code x_u·B}. A strong linear baseline a neural model must beat on relevance.
 *
 * <p>The I×I inverse is ND4J's LU inverse (getrf/getri of the OpenBLAS bundled with nd4j-native, no
 * system LAPACK needed), in double precision because λ is small next to popular items' counts and
 * float round-off would show up in the off-diagonal weights.
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
        INDArray p = InvertMatrix.invert(Nd4j.create(gram).castTo(DataType.DOUBLE), true);
        gram = null;
        // B is built in the inverse's own array: at I = 3,700 (MovieLens 1M) each I×I copy is 110 MB.
        weights = p.toDoubleMatrix();
        p.close();
        double[] diagonal = new double[items];
        for (int j = 0; j < items; j++) diagonal[j] = weights[j][j];
        for (int i = 0; i < items; i++) {
            double[] row = weights[i];
            for (int j = 0; j < items; j++) row[j] = i == j ? 0 : -row[j] / diagonal[j];
        }
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

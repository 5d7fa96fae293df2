package org.mandate.training.model;

import org.mandate.training.eval.Recommender;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trained Mult-DAE: logits s_u = tanh(x_u W1 + b1) W2 + b2 for an L2-normalised history x_u.
 * Scoring needs no SameDiff graph, only the parameters.
 */
public final class RecommenderModel implements Recommender {

    private final ModelParameters parameters;

    public RecommenderModel(ModelParameters parameters) {
        this.parameters = parameters;
    }

    public ModelParameters parameters() {
        return parameters;
    }

    public int itemCount() {
        return parameters.items();
    }

    /** Logits (B × I) for a batch of encoded inputs (see {@link InputEncoder#input}). */
    public INDArray logits(INDArray input) {
        INDArray x = input.castTo(parameters.w1().dataType());
        INDArray h = Transforms.tanh(x.mmul(parameters.w1()).addiRowVector(parameters.b1()), false);
        return h.mmul(parameters.w2()).addiRowVector(parameters.b2());
    }

    /** Logits for a batch of raw histories, without corruption. */
    public INDArray logits(int[][] histories) {
        return logits(InputEncoder.input(histories, itemCount(), 0, null, parameters.w1().dataType()));
    }

    @Override
    public double[][] scores(int[][] histories) {
        return logits(histories).castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}

package org.mandate.training.model;

import org.mandate.training.surrogate.SurrogateInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A term added to the scalarised loss after the weighted objectives, e.g. the augmented-Lagrangian penalty
 * of a mandate's floors and ceilings. It may declare placeholders (its multipliers, a soft top-k threshold)
 * whose values the trainer supplies with every batch through {@link #feed}, so they can change between
 * epochs without rebuilding the graph.
 */
public interface GraphPenalty {

    /** Adds the penalty to the graph of {@code in} and returns it as a scalar. */
    SDVariable build(SurrogateInputs in, SDVariable logits);

    /**
     * Placeholder values for one batch.
     *
     * @param logits   the model's logits for the batch input, before this step's update
     * @param consumed 0/1 (B × I), the items the model was given as input
     */
    Map<String, INDArray> feed(INDArray logits, INDArray consumed);
}

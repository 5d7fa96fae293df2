package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Exploration;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Exploration: p̃_uᵀ C q_u, batch mean, the expected overlap of an item drawn from the exposure policy
 * ({@link SurrogateInputs#exposure()}) with the user's own category profile q_u
 * ({@link SurrogateInputs#profile()}). Lowering it moves the likely items to categories the history does
 * not hold, which the metric counts.
 */
public record ExplorationSurrogate() implements Surrogate {

    @Override public String objectiveId() { return Exploration.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        return in.projections().categoryMix().mul(in.profile()).sum(1).mean();
    }
}

package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.PublicValue;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Public value: minus the expected exposure of tagged items, −mean_B(tᵀ p̃_u), with t the public-value tag
 * ({@link SurrogateInputs#publicValueTag()}) and p̃_u the sharpened exposure policy, which, as for novelty,
 * stops the model from meeting the tag with thin mass that never reaches a list. A floor on the share
 * is a constraint the trainer enforces, not this term.
 */
public record PublicValueSurrogate() implements Surrogate {

    @Override public String objectiveId() { return PublicValue.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        return in.projections().publicValue().mean().neg();
    }
}

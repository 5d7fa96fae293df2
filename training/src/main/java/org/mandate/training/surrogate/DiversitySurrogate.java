package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Diversity;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Intra-list diversity: ‖Cᵀ p̃_u‖², batch mean, the expected category overlap of two independent draws
 * from the user's exposure policy p̃_u ({@link SurrogateInputs#exposure()}). It is smallest when the
 * likely items spread over many categories, as the list's pairwise 1 − cos distance rewards.
 */
public record DiversitySurrogate() implements Surrogate {

    @Override public String objectiveId() { return Diversity.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        SDVariable mix = in.projections().categoryMix();
        return mix.mul(mix).sum(1).mean();
    }
}

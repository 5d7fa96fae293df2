package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.ProviderFairness;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Fair exposure of providers: squared distance between the batch's expected exposure per provider group
 * and the target shares τ (Diaz et al. 2020, expected exposure), ‖mean_B(Gpᵀ p̃_u) − τ‖², with p̃_u the
 * sharpened exposure policy of {@link SurrogateInputs#exposure()} (on the flat p_u the model meets τ by
 * spreading thin mass over an under-exposed group while its top-k lists stay on a few hits). Squared
 * rather than total variation so the gradient is smooth at the target.
 */
public record ProviderFairnessSurrogate() implements Surrogate {

    @Override public String objectiveId() { return ProviderFairness.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        SDVariable gap = in.projections().providerShares().mean(true, 0).sub(in.targetShares());
        return gap.mul(gap).sum();
    }
}

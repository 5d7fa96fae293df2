package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Coverage;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Coverage: minus the entropy of the batch's aggregate exposure, Σ_i p̄_i log p̄_i with p̄ = mean_B p̃_u
 * ({@link SurrogateInputs#exposure()}). High aggregate entropy means the users' likely top items differ and
 * spread over the catalogue, which is what the share of items in some top-k list counts. Sharpened p̃
 * because flat mass on every item would raise the entropy while every list still shows the same hits.
 */
public record CoverageSurrogate() implements Surrogate {

    @Override public String objectiveId() { return Coverage.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        SDVariable mean = in.projections().meanExposure();
        return mean.mul(in.sd().math.log(mean.add(SurrogateInputs.LOG_FLOOR))).sum();
    }
}

package org.mandate.training.surrogate;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * How the trainer pushes a model towards one catalogue objective: a smooth scalar, minimised, built
 * from dense SameDiff ops on the soft recommendation p (rows of a batch) so it can be differentiated.
 * One class per objective id, named after it; the metric it serves stays in the objectives module.
 */
public sealed interface Surrogate permits RelevanceSurrogate, NoveltySurrogate, CoverageSurrogate, DiversitySurrogate,
        CalibrationSurrogate, ProviderFairnessSurrogate, PublicValueSurrogate, ExplorationSurrogate, FragmentationSurrogate {

    /** The catalogue objective id this surrogate serves. */
    String objectiveId();

    /** The surrogate value for the batch in {@code in} (a scalar SDVariable, lower is better). */
    SDVariable build(SurrogateInputs in);
}

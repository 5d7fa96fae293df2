package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Calibration;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Calibration: KL(q_u ‖ (1 − α) Cᵀ p̃_u + α q_u), batch mean, the metric with the exposure policy p̃_u
 * ({@link SurrogateInputs#exposure()}) standing in for the position-weighted list and the same α
 * ({@link Calibration#ALPHA}). q_u is the history profile of {@link SurrogateInputs#profile()}; a user
 * without history contributes 0, as the metric skips them.
 */
public record CalibrationSurrogate() implements Surrogate {

    @Override public String objectiveId() { return Calibration.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        SDVariable q = in.profile();
        SDVariable smoothed = in.projections().categoryMix().mul(1 - Calibration.ALPHA).add(q.mul(Calibration.ALPHA));
        SDVariable logRatio = in.sd().math.log(q.add(SurrogateInputs.LOG_FLOOR)).sub(in.sd().math.log(smoothed.add(SurrogateInputs.LOG_FLOOR)));
        return q.mul(logRatio).sum(1).mean();
    }
}

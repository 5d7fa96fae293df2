package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Fragmentation;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Fragmentation: mean_B ‖p̃_u − p̄‖², p̄ = mean_B p̃_u, the spread of the users' exposure policies
 * ({@link SurrogateInputs#exposure()}) around their mean. Minimised, it pulls the likely items of
 * different users together, so their lists share more, which lowers the pairwise Jensen–Shannon metric.
 */
public record FragmentationSurrogate() implements Surrogate {

    @Override public String objectiveId() { return Fragmentation.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        // mean_B ‖p̃_u − p̄‖² = mean_B ‖p̃_u‖² − ‖p̄‖²: one fused pass over the B × I exposure (forward and
        // backward) instead of a subtraction, a product and a sum, and p̄ is the one coverage reads too.
        SDVariable mean = in.projections().meanExposure();
        return in.sd().squaredNorm(in.exposure(), 1).mean().sub(in.sd().squaredNorm(mean));
    }
}

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
        SDVariable spread = in.exposure().sub(in.exposure().mean(true, 0));
        return spread.mul(spread).sum(1).mean();
    }
}

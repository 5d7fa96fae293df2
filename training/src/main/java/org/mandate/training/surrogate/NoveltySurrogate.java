package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Novelty;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Novelty: minus the expected self-information −Σ_i p̃_ui·(−log2 pop_i), batch mean, under the sharpened
 * exposure policy p̃_u of {@link SurrogateInputs#exposure()}. Its top-k counterpart is the reported mean
 * self-information; sharpening stops the model from buying novelty by shifting much flat mass to rare
 * items, which costs the likelihood little but empties the lists of relevant programmes.
 */
public record NoveltySurrogate() implements Surrogate {

    @Override public String objectiveId() { return Novelty.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        return in.projections().selfInformation().mean().neg();
    }
}

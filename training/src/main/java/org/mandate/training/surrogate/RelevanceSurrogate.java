package org.mandate.training.surrogate;

import org.mandate.objectives.catalogue.Relevance;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Relevance: the multinomial log-likelihood of Mult-DAE/VAE (Liang et al. 2018), −Σ_i y_ui log p_ui,
 * batch mean, taken over the items the user will consume but was not given (those input dropout hid),
 * under the soft recommendation. The plain Mult-DAE likelihood also rewards reconstructing the input;
 * alone that is harmless, but next to novelty a model can then keep its likelihood by echoing the
 * history while its lists, which never show consumed items, drift to rare programmes.
 */
public record RelevanceSurrogate() implements Surrogate {

    @Override public String objectiveId() { return Relevance.ID; }

    @Override
    public SDVariable build(SurrogateInputs in) {
        SDVariable toPredict = in.targets().mul(in.consumed().rsub(1));
        return toPredict.mul(in.logRecommendation()).sum(1).mean().neg();
    }
}

package org.mandate.training.train;

import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.training.surrogate.SurrogateInputs;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;

/**
 * A bounded objective's headline metric, estimated differentiably on the {@link SoftTopK} lists of a batch,
 * in the metric's units, following the metric's definition in the objectives module term by term:
 * <ul>
 * <li>{@code public_value}: Σ_u Σ_i m·w·t_i / Σ_u Σ_i m·w, the position-weighted tagged share pooled over lists;</li>
 * <li>{@code provider_fairness}: ½ Σ_g |e_g − τ_g| with e_g the pooled position-weighted share of group g;</li>
 * <li>{@code novelty}: mean over users of Σ_i m·(−log2 pop_i) / Σ_i m (unweighted within a list, as the metric).</li>
 * </ul>
 * Other objectives' metrics (NDCG, coverage over the whole catalogue, pairwise list measures) have no estimate
 * of this kind yet; a bound on them is refused rather than silently ignored.
 */
public final class MetricEstimate {

    /** Objectives whose floors and ceilings the trainer can enforce. */
    public static final List<String> SUPPORTED = List.of(PublicValue.ID, ProviderFairness.ID, Novelty.ID);

    private MetricEstimate() {}

    public static SDVariable build(String objective, SoftTopK top, SurrogateInputs in) {
        SDVariable mw = top.membership().mul(top.weight());
        return switch (objective) {
            case PublicValue.ID -> mw.mmul(in.publicValueTag()).sum().div(mw.sum());
            case ProviderFairness.ID -> {
                // ½ Σ_g |E_g − τ_g·E| / E with E_g the pooled exposure of group g and E = Σ_g E_g (E > 0). Written
                // without broadcasting a scalar over the groups: SameDiff M2.1 drops that gradient.
                SDVariable exposure = mw.mmul(in.providerMatrix()).sum(true, 0);
                SDVariable total = exposure.sum(true, 1);
                SDVariable gap = exposure.sub(total.mmul(in.targetShares()));
                yield in.sd().math.abs(gap).sum().div(total.sum()).mul(0.5);
            }
            case Novelty.ID -> {
                SDVariable m = top.membership();
                yield m.mmul(in.selfInformation()).div(m.sum(true, 1).add(SurrogateInputs.LOG_FLOOR)).mean();
            }
            default -> throw unsupported(objective);
        };
    }

    public static void requireSupported(String objective) {
        if (!SUPPORTED.contains(objective)) throw unsupported(objective);
    }

    private static IllegalArgumentException unsupported(String objective) {
        return new IllegalArgumentException("the trainer cannot enforce a floor or ceiling on '" + objective
                + "' (it can on " + String.join(", ", SUPPORTED) + "); refusing to train rather than ignore it");
    }
}

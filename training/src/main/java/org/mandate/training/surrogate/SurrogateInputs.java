package org.mandate.training.surrogate;

import org.mandate.objectives.metrics.ItemFeatures;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a surrogate may read inside a SameDiff graph, for a batch of B users over I items:
 * <ul>
 * <li>{@code p}, {@code logP}: softmax of the logits over all items, the Mult-DAE likelihood;</li>
 * <li>{@code recommendation}, {@code logRecommendation}: softmax over the items the user has <em>not</em>
 * already been given as input, the soft recommendation of OBJECTIVES.md. Evaluation drops the fold-in
 * items from the lists, so list-level objectives must be optimised on this distribution: on {@code p}
 * a model could keep its mass on the user's own history and push only the rest towards rare items;</li>
 * <li>{@code exposure}: the sharpened policy ∝ recommendation^β (β = {@link #SHARPNESS}), which weights
 * each item by how likely it is to reach the top of a list. List-level objectives (novelty, fair
 * exposure) read it: on the flat recommendation a model can satisfy them by spreading thin mass over many
 * items while its top-k lists stay where they were, or by moving much mass at a small likelihood cost;</li>
 * <li>{@code consumed}: 0/1 (B × I), the items the model was given as input;</li>
 * <li>{@code targets}: the 0/1 full histories (B × I);</li>
 * <li>catalogue constants: self-information −log2 pop_i (I × 1), the one-hot provider matrix Gp (I × P)
 * and the target exposure shares τ (1 × P);</li>
 * <li>{@code categoryMatrix}: C (I × K), each item's category mix, rows summing to 1;</li>
 * <li>{@code publicValueTag}: t (I × 1), 1 for items carrying {@link ItemFeatures#publicValueTag()};</li>
 * <li>{@code profile}: q_u = normalise(Cᵀ y_u) (B × K), the category mix of each user's full history
 * (the targets, not the dropout-thinned input: the best estimate of the profile the metrics read off
 * the history). A constant for the gradient; 0 for a user without history.</li>
 * <li>{@code projections}: the exposure's products with the catalogue constants and its batch mean, built once
 * and shared by the surrogates that read them (see {@link Projections}).</li>
 * </ul>
 */
public record SurrogateInputs(SameDiff sd, SDVariable p, SDVariable logP, SDVariable recommendation,
                              SDVariable logRecommendation, SDVariable exposure, SDVariable consumed, SDVariable targets,
                              SDVariable selfInformation, SDVariable providerMatrix, SDVariable targetShares,
                              SDVariable categoryMatrix, SDVariable publicValueTag, SDVariable profile,
                              Projections projections) {

    /**
     * The exposure policy projected on the catalogue constants, computed once per batch and shared by every
     * surrogate that reads it. All six list-level surrogates read p̃·M for a constant M; one product with the
     * side-by-side matrix [C | Gp | info | t] (I × (K+P+2)) replaces six I-long products forward and, more
     * importantly, six B × I gradient products plus their accumulation backward (the nine-term epoch was twice
     * the relevance-only one at MovieLens-1M size; see docs/benchmarks.md).
     *
     * @param categoryMix     Cᵀp̃_u per user (B × K)
     * @param providerShares  Gpᵀp̃_u per user (B × P)
     * @param selfInformation Σ_i p̃_ui·(−log2 pop_i) per user (B × 1)
     * @param publicValue     tᵀp̃_u per user (B × 1)
     * @param meanExposure    p̄ = mean_B p̃_u (1 × I)
     */
    public record Projections(SDVariable categoryMix, SDVariable providerShares, SDVariable selfInformation,
                              SDVariable publicValue, SDVariable meanExposure) {}

    /** Inverse temperature of the exposure policy. */
    public static final double SHARPNESS = 4;

    /** Logit penalty that removes consumed items from the recommendation softmax (exp(−1e4) is 0 in float). */
    static final double EXCLUDED = 1e4;

    /**
     * Added to quantities that can be exactly 0 before they are logged or divided by (a category or item
     * with no mass left once consumed items are excluded, a user without history), so 0·log 0 and 0/0 stay 0
     * instead of NaN; far below any float mass that matters.
     */
    public static final double LOG_FLOOR = 1e-12;

    /**
     * Builds both softmaxes from the logits and adds the catalogue constants to {@code sd} in {@code dtype}.
     *
     * @param consumed 0/1 (B × I), 1 for items the user already has (the model input)
     */
    public static SurrogateInputs create(SameDiff sd, SDVariable logits, SDVariable consumed, SDVariable targets,
                                         ItemFeatures features, double[] targetShares, DataType dtype) {
        SDVariable[] all = softmax(sd, logits);
        SDVariable[] rec = softmax(sd, logits.sub(consumed.mul(EXCLUDED)));
        // ∝ rec^β = softmax(β·log rec); the fused softmax op has a one-op backward pass (the hand-built one is
        // needed only where the log is read, by relevance).
        SDVariable exposure = sd.nn.softmax(rec[1].mul(SHARPNESS), 1);
        int items = features.itemCount();
        int groups = features.providerGroups().size();
        if (targetShares.length != groups) throw new IllegalArgumentException("one target share per provider group");
        int categories = features.categoryCount();
        // Side by side: C (K columns), Gp (P), self-information −log2 pop_i, public-value tag t.
        int width = categories + groups + 2;
        double[] info = new double[items];
        double[] onehot = new double[items * groups];
        double[] c = new double[items * categories];
        double[] tag = new double[items];
        double[] side = new double[items * width];
        boolean[] tagged = features.publicValueFlags();
        for (int i = 0; i < items; i++) {
            info[i] = -Math.log(features.popularity()[i]) / Math.log(2);
            onehot[i * groups + features.providerGroup()[i]] = 1;
            System.arraycopy(features.categoryMatrix()[i], 0, c, i * categories, categories);
            tag[i] = tagged[i] ? 1 : 0;
            System.arraycopy(features.categoryMatrix()[i], 0, side, i * width, categories);
            side[i * width + categories + features.providerGroup()[i]] = 1;
            side[i * width + categories + groups] = info[i];
            side[i * width + categories + groups + 1] = tag[i];
        }
        SDVariable selfInfo = sd.constant("self_information", constant(info, items, 1, dtype));
        SDVariable gp = sd.constant("provider_matrix", constant(onehot, items, groups, dtype));
        SDVariable tau = sd.constant("target_shares", constant(targetShares, 1, groups, dtype));
        SDVariable cm = sd.constant("category_matrix", constant(c, items, categories, dtype));
        SDVariable t = sd.constant("public_value_tag", constant(tag, items, 1, dtype));
        SDVariable sideMatrix = sd.constant("side_information", constant(side, items, width, dtype));
        SDVariable historyMix = targets.mmul(cm);
        SDVariable profile = historyMix.div(historyMix.sum(true, 1).add(LOG_FLOOR));

        SDVariable projected = exposure.mmul(sideMatrix);
        Projections projections = new Projections(
                columns(projected, 0, categories),
                columns(projected, categories, categories + groups),
                columns(projected, categories + groups, categories + groups + 1),
                columns(projected, categories + groups + 1, width),
                exposure.mean(true, 0));
        return new SurrogateInputs(sd, all[0], all[1], rec[0], rec[1], exposure, consumed, targets, selfInfo, gp, tau, cm, t,
                profile, projections);
    }

    private static SDVariable columns(SDVariable m, int from, int to) {
        return m.get(SDIndex.all(), SDIndex.interval(from, to));
    }

    private static INDArray constant(double[] values, int rows, int columns, DataType dtype) {
        return Nd4j.create(values, new long[]{rows, columns}, DataType.DOUBLE).castTo(dtype);
    }

    /**
     * Softmax by hand from dense ops, returning {p, log p}: z = s − max s; log p = z − log Σ exp z
     * ({@code sd.nn.logSoftmax} fails in DL4J M2.1). The shift keeps exp finite and cancels in the gradient.
     */
    public static SDVariable[] softmax(SameDiff sd, SDVariable logits) {
        SDVariable z = logits.sub(logits.max(true, 1));
        SDVariable logP = z.sub(sd.math.log(sd.math.exp(z).sum(true, 1)));
        return new SDVariable[]{sd.math.exp(logP), logP};
    }
}

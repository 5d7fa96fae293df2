package org.mandate.training.train;

import org.mandate.objectives.metrics.PositionWeight;
import org.mandate.training.eval.Evaluator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * A differentiable stand-in for each user's top-k list, on which a floor or ceiling can be estimated in the
 * metric's own units. Membership m_ui = σ((s_ui − θ_u) / T_u)·(1 − consumed_ui) with θ_u midway between the
 * k-th and (k+1)-th best unconsumed logit and T_u half the logit drop from rank k to rank 2k; weight
 * w_ui = a(rank) = 1/log2(1 + rank) for the current top k and a(k) below it, 0 for consumed items.
 * <p>
 * Why this form: the audited metrics are position-weighted shares of the top k. As T → 0, Σ m·w·f / Σ m·w is
 * exactly that share for any per-item quantity f, so the estimate lives on the metric's scale (a floor of 0.20
 * means 0.20 here too) instead of on a surrogate's scale with no known map to it. θ, T and the ranks are read
 * off the batch's logits before the step and enter the graph as placeholders (a straight-through estimate:
 * they are held fixed for the gradient), so the gradient falls on the items near the boundary of the list,
 * the ones whose moving in or out changes the metric; the sharpened exposure policy of the surrogates instead
 * spreads it over the head of the distribution. T scales with the local logit spread, so it does not depend
 * on the logits' overall scale.
 */
public record SoftTopK(SDVariable membership, SDVariable weight) {

    public static final String THRESHOLD = "topk_threshold";
    public static final String TEMPERATURE = "topk_temperature";
    public static final String POSITION_WEIGHT = "topk_position_weight";

    /** Smallest temperature, in logit units: keeps σ differentiable when the k-th and 2k-th logits tie. */
    static final double MIN_TEMPERATURE = 1e-2;

    /** Declares the placeholders in {@code sd} and builds the soft membership of {@code logits} (B × I). */
    public static SoftTopK declare(SameDiff sd, SDVariable logits, SDVariable consumed, DataType dtype, int items) {
        SDVariable threshold = sd.placeHolder(THRESHOLD, dtype, -1, 1);
        SDVariable temperature = sd.placeHolder(TEMPERATURE, dtype, -1, 1);
        SDVariable weight = sd.placeHolder(POSITION_WEIGHT, dtype, -1, items);
        SDVariable m = sd.nn.sigmoid(logits.sub(threshold).div(temperature)).mul(consumed.rsub(1.0));
        return new SoftTopK(m, weight);
    }

    /** The placeholder values for a batch: θ, T and w from {@code logits}, excluding the consumed items. */
    public static Map<String, INDArray> feed(INDArray logits, INDArray consumed, int k) {
        double[][] s = logits.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] c = consumed.castTo(DataType.DOUBLE).toDoubleMatrix();
        int users = s.length, items = s.length == 0 ? 0 : s[0].length;
        double[] threshold = new double[users], temperature = new double[users], weight = new double[users * items];
        for (int u = 0; u < users; u++) {
            int excluded = 0;
            for (double v : c[u]) if (v != 0) excluded++;
            int[] exclude = new int[excluded];
            int n = 0;
            for (int i = 0; i < items; i++) if (c[u][i] != 0) exclude[n++] = i;
            int[] top = Evaluator.topK(s[u], exclude, 2 * k);
            if (top.length == 0) {
                threshold[u] = 0;
                temperature[u] = 1;
                continue;
            }
            int kth = Math.min(k, top.length) - 1;
            double below = top.length > k ? s[u][top[k]] : s[u][top[kth]] - 1;
            threshold[u] = (s[u][top[kth]] + below) / 2;
            temperature[u] = Math.max(MIN_TEMPERATURE, (s[u][top[kth]] - s[u][top[top.length - 1]]) / 2);
            double tail = PositionWeight.at(k);
            for (int i = 0; i < items; i++) if (c[u][i] == 0) weight[u * items + i] = tail;
            for (int r = 0; r <= kth; r++) weight[u * items + top[r]] = PositionWeight.at(r + 1);
        }
        DataType dt = logits.dataType();
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(THRESHOLD, Nd4j.create(threshold, new long[]{users, 1}, DataType.DOUBLE).castTo(dt));
        feed.put(TEMPERATURE, Nd4j.create(temperature, new long[]{users, 1}, DataType.DOUBLE).castTo(dt));
        feed.put(POSITION_WEIGHT, Nd4j.create(weight, new long[]{users, items}, DataType.DOUBLE).castTo(dt));
        return feed;
    }
}

package org.mandate.training.serve;

import org.mandate.training.eval.Evaluator;

import java.util.Map;

/**
 * Builds one user's top k for that user's weights from the trained model's scores, without retraining.
 *
 * <p>The model was trained for the voted weights m, so its score already is the m-weighted objective: adding
 * Σ_t m_t·gain_t on top would count the mandate twice, and a user who keeps the voted weights would not get the
 * model's own list. The reranker therefore applies only the user's departure from the vote: position by position
 * it takes the free item with the largest
 * <pre>  ĝ_relevance(i) + Σ_t (w_t − m_t) · ĝ_t(i | list so far),   ĝ_t = gain_t / gap_t</pre>
 * where gain_t is the marginal change of objective t's metric ({@link ListGains}; relevance's gain is the model's
 * log-probability) and gap_t its achievable range from the serving payoff table ({@link ServingPayoff}). It is the
 * first-order expansion of the weighted objective around the trained point: with w = m it is exactly the model's
 * top k (returned by {@link Evaluator#topK} itself, ties to the lower index), and the further w moves, the more
 * the list moves towards the objectives the user weighs more.
 */
public final class Reranker {

    /** A weight change below this is no change (weights are validated to 1e-6). */
    static final double NO_SHIFT = 1e-9;

    private final ListGains gains;
    private final ServingPayoff payoff;

    Reranker(ListGains gains, ServingPayoff payoff) {
        this.gains = gains;
        this.payoff = payoff;
    }

    /**
     * @param logits  the model's scores for this user (one per catalogue item)
     * @param history items the user consumed: never recommended again
     * @param voted   the mandate's weights m
     * @param user    the user's validated weights w
     */
    public int[] rerank(double[] logits, int[] history, Map<String, Double> voted, Map<String, Double> user, int k) {
        int n = ListGains.OBJECTIVES.size();
        double[] delta = new double[n];
        boolean moved = false;
        for (int t = 0; t < n; t++) {
            String id = ListGains.OBJECTIVES.get(t);
            delta[t] = user.getOrDefault(id, 0.0) - voted.getOrDefault(id, 0.0);
            if (Math.abs(delta[t]) > NO_SHIFT) moved = true;
        }
        if (!moved) return Evaluator.topK(logits, history, k);
        java.util.Set<String> inPlay = new java.util.HashSet<>(voted.keySet());
        inPlay.addAll(user.keySet());
        inPlay.add(ListGains.OBJECTIVES.get(ListGains.RELEVANCE));
        Map<String, Double> gap = payoff.gaps(inPlay);
        double[] coefficient = new double[n];
        for (int t = 0; t < n; t++) {
            double c = (t == ListGains.RELEVANCE ? 1 : 0) + delta[t];
            if (c != 0) coefficient[t] = c / gap.get(ListGains.OBJECTIVES.get(t));
        }
        return ListGains.greedy(gains.start(history, logSoftmax(logits, history), k), coefficient, false);
    }

    /** log p_i = s_i − log Σ_{j not consumed} exp s_j: the relevance surrogate's recommendation distribution. */
    static double[] logSoftmax(double[] logits, int[] history) {
        boolean[] consumed = new boolean[logits.length];
        for (int i : history) consumed[i] = true;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) if (!consumed[i]) max = Math.max(max, logits[i]);
        double sum = 0;
        for (int i = 0; i < logits.length; i++) if (!consumed[i]) sum += Math.exp(logits[i] - max);
        double lse = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) out[i] = logits[i] - lse;
        return out;
    }
}

package org.mandate.training.serve;

import org.mandate.objectives.catalogue.Calibration;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Coverage;
import org.mandate.objectives.catalogue.Diversity;
import org.mandate.objectives.catalogue.Exploration;
import org.mandate.objectives.catalogue.Fragmentation;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.metrics.Divergence;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.PositionWeight;

import java.util.Arrays;
import java.util.List;

/**
 * What adding one item at the next position of one user's list does to each catalogue objective's metric, in the
 * metric's own definition (objectives module), signed so that more is better. The value of a finished list for an
 * objective is the sum of its gains, i.e. the metric's improvement over the empty list:
 * <ul>
 *   <li>relevance: log p_ui / k, the model's log-probability of the item among those the user has not consumed
 *       (the serving stand-in for NDCG, which needs the future);</li>
 *   <li>novelty: self-information −log2 pop_i / k (mean over the list);</li>
 *   <li>public_value: a(r)·t_i / Σ_{r≤k} a(r), the position-weighted tagged share;</li>
 *   <li>provider_fairness: the fall of the list's exposure distance ½Σ_g |e_g − τ_g|, e_g the position-weighted
 *       share of group g counted over the full list's weight Σ_{r≤k} a(r);</li>
 *   <li>diversity: Σ_{j in list} (1 − cos(C_i, C_j)) / (k(k−1)/2), intra-list diversity;</li>
 *   <li>calibration: the fall of KL(q_u ‖ (1−α) r + α q_u), r the position-weighted category mix of the list so far;</li>
 *   <li>exploration: 1/k when the item's main category is absent from the history;</li>
 *   <li>coverage and fragmentation compare users, so one list sees them through the share s_i of a sample of users
 *       whose own (model) list holds item i: coverage gains (1 − s_i)/k for items others rarely get, fragmentation
 *       (common ground) gains a(r)·s_i / Σ a for items many others get.</li>
 * </ul>
 * Objectives that read a history (calibration, exploration) gain nothing for a user without one.
 */
final class ListGains {

    /** Catalogue order: index t of every per-objective array. */
    static final List<String> OBJECTIVES = Catalogue.all().stream().map(Objective::id).toList();
    static final int RELEVANCE = OBJECTIVES.indexOf(Relevance.ID);
    private static final int NOVELTY = OBJECTIVES.indexOf(Novelty.ID);
    private static final int COVERAGE = OBJECTIVES.indexOf(Coverage.ID);
    private static final int DIVERSITY = OBJECTIVES.indexOf(Diversity.ID);
    private static final int CALIBRATION = OBJECTIVES.indexOf(Calibration.ID);
    private static final int FAIRNESS = OBJECTIVES.indexOf(ProviderFairness.ID);
    private static final int PUBLIC_VALUE = OBJECTIVES.indexOf(PublicValue.ID);
    private static final int EXPLORATION = OBJECTIVES.indexOf(Exploration.ID);
    private static final int FRAGMENTATION = OBJECTIVES.indexOf(Fragmentation.ID);

    private final ItemFeatures features;
    private final double[] info;
    private final double[] tau;
    private final boolean[] tagged;
    private final double[] norm;
    private final double[] shared;

    /**
     * @param features side information measured on the training users (as the evaluator's)
     * @param tau      target exposure share per provider group
     * @param shared   per item, the share of sampled users whose model list holds it (all 0 before it is known)
     */
    ListGains(ItemFeatures features, double[] tau, double[] shared) {
        this.features = features;
        this.tau = tau.clone();
        this.shared = shared.clone();
        int n = features.itemCount();
        info = new double[n];
        norm = new double[n];
        for (int i = 0; i < n; i++) {
            info[i] = -Math.log(features.popularity()[i]) / Math.log(2);
            double s = 0;
            for (double c : features.categoryMatrix()[i]) s += c * c;
            norm[i] = Math.sqrt(s);
        }
        tagged = features.publicValueFlags();
    }

    ListGains withShared(double[] shared) {
        return new ListGains(features, tau, shared);
    }

    int itemCount() {
        return info.length;
    }

    /** An empty list of length k for a user with this history and these log-probabilities. */
    PartialList start(int[] history, double[] logP, int k) {
        return new PartialList(history, logP, k);
    }

    /** One user's list under construction, with the running sums the gains read. */
    final class PartialList {

        final int k;
        final double[] logP;
        final boolean[] excluded;
        final int[] items;
        int size;
        /** Per objective, the sum of the gains of the items added so far. */
        final double[] values = new double[OBJECTIVES.size()];
        private final double totalWeight;
        private final double[] exposure;
        private final double[] mixSum;
        private double mixWeight;
        private final double[] profile;
        private double kl;

        private PartialList(int[] history, double[] logP, int k) {
            this.k = k;
            this.logP = logP;
            excluded = new boolean[info.length];
            for (int i : history) excluded[i] = true;
            items = new int[k];
            double w = 0;
            for (int r = 1; r <= k; r++) w += PositionWeight.at(r);
            totalWeight = w;
            exposure = new double[tau.length];
            mixSum = new double[features.categoryCount()];
            profile = history.length == 0 ? null : features.categoryMix(history, history.length, false);
            kl = profile == null ? 0 : Divergence.kl(profile, smoothed(mixSum, 0));
        }

        boolean full() {
            return size == k;
        }

        /** The gain of objective t if {@code item} took the next position. */
        double gain(int t, int item) {
            int rank = size + 1;
            if (t == RELEVANCE) return logP[item] / k;
            if (t == NOVELTY) return info[item] / k;
            if (t == PUBLIC_VALUE) return tagged[item] ? PositionWeight.at(rank) / totalWeight : 0;
            if (t == FAIRNESS) {
                int g = features.providerGroup()[item];
                double e = exposure[g] / totalWeight, x = PositionWeight.at(rank) / totalWeight;
                return (Math.abs(e - tau[g]) - Math.abs(e + x - tau[g])) / 2;
            }
            if (t == DIVERSITY) {
                if (k < 2) return 0;
                double[] ci = features.categoryMatrix()[item];
                double sum = 0;
                for (int r = 0; r < size; r++) {
                    double[] cj = features.categoryMatrix()[items[r]];
                    double dot = 0;
                    for (int c = 0; c < ci.length; c++) dot += ci[c] * cj[c];
                    sum += 1 - dot / (norm[item] * norm[items[r]]);
                }
                return sum / (k * (k - 1) / 2.0);
            }
            if (t == CALIBRATION) {
                if (profile == null) return 0;
                double a = PositionWeight.at(rank);
                double[] ci = features.categoryMatrix()[item];
                double[] next = new double[mixSum.length];
                for (int c = 0; c < next.length; c++) next[c] = mixSum[c] + a * ci[c];
                return kl - Divergence.kl(profile, smoothed(next, mixWeight + a));
            }
            if (t == EXPLORATION) return profile != null && profile[features.mainCategory(item)] == 0 ? 1.0 / k : 0;
            if (t == COVERAGE) return (1 - shared[item]) / k;
            if (t == FRAGMENTATION) return PositionWeight.at(rank) * shared[item] / totalWeight;
            throw new IllegalStateException("no gain for objective index " + t);
        }

        /** Puts {@code item} at the next position. */
        void add(int item) {
            for (int t = 0; t < values.length; t++) values[t] += gain(t, item);
            double a = PositionWeight.at(size + 1);
            exposure[features.providerGroup()[item]] += a;
            double[] ci = features.categoryMatrix()[item];
            for (int c = 0; c < mixSum.length; c++) mixSum[c] += a * ci[c];
            mixWeight += a;
            if (profile != null) kl = Divergence.kl(profile, smoothed(mixSum, mixWeight));
            excluded[item] = true;
            items[size++] = item;
        }

        int[] items() {
            return Arrays.copyOf(items, size);
        }

        /** (1 − α)·r + α·q with r = sum / weight (r = 0 for the empty list), as the calibration metric smooths. */
        private double[] smoothed(double[] sum, double weight) {
            double[] out = new double[sum.length];
            for (int c = 0; c < out.length; c++) {
                double r = weight > 0 ? sum[c] / weight : 0;
                out[c] = (1 - Calibration.ALPHA) * r + Calibration.ALPHA * profile[c];
            }
            return out;
        }
    }

    /**
     * Fills {@code list} greedily: each position takes the free item with the largest Σ_t coefficient_t·gain_t;
     * ties go to the higher log-probability when {@code relevanceTieBreak}, then to the lower index.
     */
    static int[] greedy(PartialList list, double[] coefficient, boolean relevanceTieBreak) {
        int n = list.excluded.length;
        while (!list.full()) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (list.excluded[i]) continue;
                double score = 0;
                for (int t = 0; t < coefficient.length; t++) if (coefficient[t] != 0) score += coefficient[t] * list.gain(t, i);
                if (score > bestScore || (relevanceTieBreak && score == bestScore && list.logP[i] > list.logP[best])) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0) break; // the catalogue is exhausted
            list.add(best);
        }
        return list.items();
    }
}

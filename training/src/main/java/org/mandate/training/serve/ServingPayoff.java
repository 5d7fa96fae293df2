package org.mandate.training.serve;

import org.mandate.training.train.PayoffTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payoff table of serving: what gives a weight a meaning when a list is re-ranked. The run's own
 * {@link PayoffTable} is in surrogate units (nats of likelihood, squared exposure gaps), which do not measure a list,
 * so the table is measured again on lists: row j holds every objective's list value (the sum of its
 * {@link ListGains}) at the single-objective greedy list of objective j, averaged over a sample of users. As in
 * training, objective i is normalised by its gap nadir_i − ideal_i, the ideal on the diagonal, so a weight is a share
 * of an achievable gap.
 * <p>
 * The nadir differs from the training's: here it is the <em>worst</em> value among the other optima in play (the
 * textbook payoff-table nadir), not the nearest. The trainer chose the nearest because its smooth Chebyshev loss was
 * distorted by degenerate extremes; the re-ranker is linear around the trained point, and there a nearly free other
 * optimum makes a gap close to 0: on synthetic data the fair-exposure optimum cost relevance almost nothing, so the
 * nearest rule made relevance's coefficient so large that moving 0.3 of weight from relevance to novelty raised the
 * lists' self-information by 0.04 bits only (NDCG@10 0.277 → 0.268), against 0.33 bits (NDCG@10 → 0.194) with the
 * worst-optimum nadir (300 items × 900 users, see RecommenderTest).
 */
final class ServingPayoff {

    /** optimum of objective j → (objective i → list value, negated so that lower is better as in training). */
    private final Map<String, Map<String, Double>> rows;
    private final int users;

    /** Smallest gap used as a denominator. */
    private static final double MIN_GAP = 1e-9;

    private ServingPayoff(Map<String, Map<String, Double>> rows, int users) {
        this.rows = rows;
        this.users = users;
    }

    /**
     * @param logP      per sampled user, the model's log-probabilities over the items the user has not consumed
     * @param histories the same users' histories
     */
    static ServingPayoff measure(ListGains gains, List<double[]> logP, List<int[]> histories, int k) {
        int n = ListGains.OBJECTIVES.size();
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            double[] sums = new double[n];
            for (int u = 0; u < logP.size(); u++) {
                ListGains.PartialList list = gains.start(histories.get(u), logP.get(u), k);
                // Ties (many items gain the same novelty or tag share) go to the more relevant item, so the optimum of
                // one objective is the best list for it a user would still want, not the lowest item indices.
                ListGains.greedy(list, unit, true);
                for (int i = 0; i < n; i++) sums[i] += list.values[i];
            }
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) row.put(ListGains.OBJECTIVES.get(i), -sums[i] / Math.max(1, logP.size()));
            rows.put(ListGains.OBJECTIVES.get(j), row);
        }
        return new ServingPayoff(rows, logP.size());
    }

    /**
     * nadir − ideal of each objective among {@code objectives} (the mandate's and the user's), nadir being the worst
     * value at the other optima in play. When no other optimum in play is worse, the objective's widest spread over
     * every catalogue optimum is used; when even that is 0 no list can move it and the gap is floored, as training does.
     */
    Map<String, Double> gaps(Collection<String> objectives) {
        List<String> ids = new ArrayList<>();
        for (String id : ListGains.OBJECTIVES) if (objectives.contains(id)) ids.add(id);
        Map<String, Double> gaps = new LinkedHashMap<>();
        for (String id : ids) {
            double ideal = rows.get(id).get(id), nadir = ideal;
            for (String j : ids) nadir = Math.max(nadir, rows.get(j).get(id));
            double gap = nadir - ideal;
            if (!(gap > MIN_GAP)) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (Map<String, Double> row : rows.values()) {
                    lo = Math.min(lo, row.get(id));
                    hi = Math.max(hi, row.get(id));
                }
                gap = Math.max(hi - lo, MIN_GAP);
            }
            gaps.put(id, gap);
        }
        return gaps;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("users", users);
        json.put("list_value_at_optimum_of", rows);
        json.put("nadir_rule", "worst value of the objective among the other optima in play (the mandate's and the user's objectives)");
        return json;
    }
}

package org.mandate.objectives.ballot;


import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.mandate.objectives.ballot.BallotRejected.Reason.*;

/**
 * A voter's ideal split of the optimisation effort over the panel's objectives: weights on the simplex
 * (non-negative, summing to 1). Points out of 100 are accepted through {@link #ofPoints}.
 *
 * @param voter a pseudonymous voter id (never a person's identity)
 */
public record WeightBallot(String voter, SortedMap<String, Double> weights) implements Ballot {

    /** How far from 1 a sum of weights may be: a rounding slack, not a licence to under-allocate. */
    public static final double SUM_TOLERANCE = 1e-6;

    public WeightBallot {
        if (voter == null || voter.isBlank()) throw new BallotRejected(MISSING_VOTER, "a ballot needs a voter id");
        if (weights == null || weights.isEmpty()) throw new BallotRejected(EMPTY, "a ballot needs at least one weight");
        weights = new TreeMap<>(weights);
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w)) {
                throw new BallotRejected(NOT_FINITE, "weight of '" + e.getKey() + "' must be a finite number, got " + w);
            }
            if (w < 0) throw new BallotRejected(NEGATIVE, "weight of '" + e.getKey() + "' is negative: " + w);
            sum += w;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new BallotRejected(NOT_NORMALISED, "weights must sum to 1 (or points to 100); they sum to " + sum);
        }
    }

    /** A ballot given as points out of 100, the form the citizen pages use. */
    public static WeightBallot ofPoints(String voter, Map<String, ? extends Number> points) {
        if (points == null || points.isEmpty()) throw new BallotRejected(EMPTY, "a ballot needs at least one allocation");
        TreeMap<String, Double> weights = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, ? extends Number> e : points.entrySet()) {
            double p = e.getValue() == null ? Double.NaN : e.getValue().doubleValue();
            if (!Double.isFinite(p)) throw new BallotRejected(NOT_FINITE, "points for '" + e.getKey() + "' must be a finite number");
            if (p < 0) throw new BallotRejected(NEGATIVE, "points for '" + e.getKey() + "' are negative: " + p);
            total += p;
            weights.put(e.getKey(), p / 100.0);
        }
        if (Math.abs(total - 100) > 100 * SUM_TOLERANCE) {
            throw new BallotRejected(NOT_NORMALISED, "points must add up to 100; they add up to " + total);
        }
        return new WeightBallot(voter, weights);
    }

    /** The weight on an objective, 0 when the ballot does not mention it. */
    public double weight(String objective) {
        return weights.getOrDefault(objective, 0.0);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("voter", voter);
        json.put("weights", new TreeMap<>(weights));
        return json;
    }
}

package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A voter's implicit weights, fitted from their slate comparisons by {@link BradleyTerryFit}.
 *
 * @param weights              the implicit weights on the simplex (β⁺ / Σβ⁺), or equal weights when
 *                             {@code indifferent}
 * @param weightStdErrors      Laplace (delta-method) standard errors of the weights; empty when
 *                             {@code indifferent}, since normalising a zero vector has no derivative
 * @param coefficients         the fitted β per objective (utility per normalised metric unit; negative
 *                             means the voter prefers less of that objective)
 * @param coefficientStdErrors Laplace standard errors of β: sqrt of the diagonal of the inverse Hessian
 * @param indifferent          true when no objective has a positive coefficient (e.g. comparisons that
 *                             contradict each other cancel out): the voter then counts as indifferent
 */
public record PreferenceFit(String voter, SortedMap<String, Double> weights, SortedMap<String, Double> weightStdErrors,
                            SortedMap<String, Double> coefficients, SortedMap<String, Double> coefficientStdErrors,
                            int comparisons, boolean indifferent) implements JsonValue {

    public PreferenceFit {
        weights = new TreeMap<>(weights);
        weightStdErrors = new TreeMap<>(weightStdErrors);
        coefficients = new TreeMap<>(coefficients);
        coefficientStdErrors = new TreeMap<>(coefficientStdErrors);
    }

    /** The fitted weights as a weight ballot, to be aggregated by any {@link WeightRule}. */
    public WeightBallot toBallot() {
        return new WeightBallot(voter, weights);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("voter", voter);
        json.put("weights", weights);
        json.put("weight_std_errors", weightStdErrors);
        json.put("coefficients", coefficients);
        json.put("coefficient_std_errors", coefficientStdErrors);
        json.put("comparisons", comparisons);
        json.put("indifferent", indifferent);
        return json;
    }
}

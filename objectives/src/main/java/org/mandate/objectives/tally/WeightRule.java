package org.mandate.objectives.tally;

import java.util.Map;

/**
 * An aggregation rule from weight ballots to one weight vector on the simplex. A rule is fixed before
 * voting opens; its id, version and settings are recorded with every tally so anyone can rerun it.
 */
public sealed interface WeightRule permits MeanRule, IndependentMarketsRule {

    String id();

    /** Bumped whenever the rule's output for some profile changes. */
    int version();

    /** The rule's settings, as recorded in the tally (JSON-ready). */
    Map<String, Object> settings();

    /**
     * Aggregates a profile: {@code profile[v][j]} is voter v's weight on objective j; each row is on the
     * simplex. Returns a vector on the simplex of length {@code profile[0].length}.
     */
    double[] aggregate(double[][] profile);

    static WeightRule byId(String id) {
        return switch (id) {
            case MeanRule.ID -> new MeanRule();
            case IndependentMarketsRule.ID -> new IndependentMarketsRule();
            default -> throw new IllegalArgumentException("unknown aggregation rule '" + id + "'; known: "
                    + MeanRule.ID + ", " + IndependentMarketsRule.ID);
        };
    }
}

package org.mandate.objectives.tally;

import java.util.List;
import java.util.Map;

/**
 * An aggregation rule from weight ballots to one weight vector on the simplex. A rule is fixed before
 * voting opens; its id, version and settings are recorded with every tally so anyone can rerun it
 * ({@link #fromJson} rebuilds exactly the rule a record names).
 */
public sealed interface WeightRule permits MeanRule, PhantomRule, CoordinateMedianRule, QrMedianRule {

    /** Every rule id {@link #byId} and {@link #fromJson} know, in a fixed order. */
    List<String> IDS = List.of(MeanRule.ID, IndependentMarketsRule.ID, UtilitarianPhantomsRule.ID, CoordinateMedianRule.ID, QrMedianRule.ID);

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

    /**
     * Aggregates a profile in which ballot v carries voting right {@code rights[v]} (null = all equal).
     * Equal rights give exactly {@link #aggregate(double[][])}. Rules that define no weighted form
     * refuse unequal rights rather than silently ignore them; the moving-phantom rules accept whole
     * numbers only (a right of k counts as k identical ballots).
     */
    default double[] aggregate(double[][] profile, double[] rights) {
        if (rights != null && profile != null && rights.length != profile.length) {
            throw new IllegalArgumentException(rights.length + " voting rights for " + profile.length + " ballots");
        }
        if (rights == null || VotingRights.allEqual(rights)) return aggregate(profile);
        throw new IllegalArgumentException(id() + " counts every ballot equally and has no weighted form");
    }

    static WeightRule byId(String id) {
        return switch (id) {
            case MeanRule.ID -> new MeanRule();
            case IndependentMarketsRule.ID -> new IndependentMarketsRule();
            case UtilitarianPhantomsRule.ID -> new UtilitarianPhantomsRule();
            case CoordinateMedianRule.ID -> new CoordinateMedianRule();
            case QrMedianRule.ID -> new QrMedianRule();
            default -> throw new IllegalArgumentException("unknown aggregation rule '" + id + "'; known: " + String.join(", ", IDS));
        };
    }

    /**
     * The rule a tally record names: its id and its recorded settings. Settings that a rule does not
     * take, or that differ from what the rule would record, are refused, so a record can only be rerun
     * with exactly what ran. Empty settings mean the rule's defaults.
     */
    static WeightRule fromJson(String id, Map<String, ?> settings) {
        WeightRule rule = byId(id);
        if (settings == null || settings.isEmpty()) return rule;
        if (rule instanceof QrMedianRule) {
            rule = new QrMedianRule(number(settings, "lipschitz", QrMedianRule.DEFAULT_LIPSCHITZ),
                    number(settings, "delta", QrMedianRule.DEFAULT_DELTA));
        }
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            Object expected = rule.settings().get(e.getKey());
            Object given = e.getValue();
            boolean same = expected instanceof Number x && given instanceof Number y
                    ? x.doubleValue() == y.doubleValue() : expected != null && expected.equals(given);
            if (!same) {
                throw new IllegalArgumentException("rule " + id + " v" + rule.version() + " has no setting " + e.getKey() + "=" + given
                        + "; its settings are " + rule.settings());
            }
        }
        return rule;
    }

    private static double number(Map<String, ?> settings, String key, double fallback) {
        Object v = settings.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("setting " + key + " must be a number, got " + v);
    }
}

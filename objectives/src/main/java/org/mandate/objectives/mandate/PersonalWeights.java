package org.mandate.objectives.mandate;

import org.mandate.objectives.catalogue.Catalogue;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to "may this user rank with these weights?": the accepted weights (a point of the simplex over
 * catalogue objectives) or a refusal with a stable reason. Weights equal to the voted ones are always accepted;
 * anything else needs the mandate's {@link Personalisation} and must stay within its shift and locks.
 */
public sealed interface PersonalWeights permits PersonalWeights.Accepted, PersonalWeights.Refused {

    /** Slack on the simplex and on the bounds, as {@link Mandate} allows on its own weights. */
    double TOLERANCE = 1e-6;

    /** Why a request was refused; {@link #slug()} is stable (HTTP problem types and CLI messages use it). */
    enum Reason {
        INVALID_NUMBER("invalid-weight"),
        UNKNOWN_OBJECTIVE("unknown-objective"),
        NOT_ON_SIMPLEX("not-on-simplex"),
        NOT_ALLOWED("personalisation-not-allowed"),
        LOCKED_LOWERED("locked-objective-lowered"),
        SHIFT_TOO_LARGE("shift-too-large");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /**
     * @param weights the requested weights rescaled to sum to exactly 1 (zeros dropped)
     * @param shift   their total-variation distance from the voted weights
     */
    record Accepted(SortedMap<String, Double> weights, double shift) implements PersonalWeights {
        public Accepted {
            weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
        }
    }

    record Refused(Reason reason, String message) implements PersonalWeights {}

    /**
     * Checks {@code requested} (objective id → weight; absent objectives weigh 0) against the mandate. The checks
     * run from the form of the request to its substance: numbers, ids, the simplex, then the mandate's rules.
     */
    static PersonalWeights validate(Mandate mandate, Map<String, Double> requested) {
        if (requested == null || requested.isEmpty()) return new Refused(Reason.NOT_ON_SIMPLEX, "no weights were given");
        double sum = 0;
        for (Map.Entry<String, Double> e : requested.entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0) {
                return new Refused(Reason.INVALID_NUMBER, "the weight of '" + e.getKey() + "' must be a finite number ≥ 0, got " + w);
            }
            sum += w;
        }
        for (String id : requested.keySet()) {
            if (!Catalogue.contains(id)) {
                return new Refused(Reason.UNKNOWN_OBJECTIVE, "'" + id + "' is not an objective; known: "
                        + String.join(", ", Catalogue.all().stream().map(o -> o.id()).toList()));
            }
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            return new Refused(Reason.NOT_ON_SIMPLEX, "weights must add up to 1, these add up to " + sum);
        }
        TreeMap<String, Double> weights = new TreeMap<>();
        for (Map.Entry<String, Double> e : requested.entrySet()) if (e.getValue() > 0) weights.put(e.getKey(), e.getValue() / sum);
        double shift = distance(mandate.weights(), weights);
        if (shift <= TOLERANCE) return new Accepted(weights, shift);
        Personalisation rules = mandate.personalisation();
        if (rules == null) {
            return new Refused(Reason.NOT_ALLOWED, "this mandate does not let users change the voted weights " + mandate.weights());
        }
        for (String id : rules.locked()) {
            double voted = mandate.weight(id), asked = weights.getOrDefault(id, 0.0);
            if (asked < voted - TOLERANCE) {
                return new Refused(Reason.LOCKED_LOWERED, "the weight of '" + id + "' may not go below the voted " + voted + ", asked " + asked);
            }
        }
        if (shift > rules.maxShift() + TOLERANCE) {
            return new Refused(Reason.SHIFT_TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "these weights are %.4f away from the voted ones (½·Σ|difference|); the mandate allows at most %.4f", shift, rules.maxShift()));
        }
        return new Accepted(weights, shift);
    }

    /** Total-variation distance ½·Σ|a − b| over the union of both supports. */
    static double distance(Map<String, Double> a, Map<String, Double> b) {
        TreeMap<String, Double> diff = new TreeMap<>(a);
        b.forEach((id, w) -> diff.merge(id, -w, Double::sum));
        double d = 0;
        for (double v : diff.values()) d += Math.abs(v);
        return d / 2;
    }
}

package org.mandate.objectives.mandate;

import org.mandate.objectives.catalogue.Catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far a mandate lets each user move the voted weights for their own recommendations. The panel sets the
 * bounds, the user chooses inside them: the voted weights stay the default and the public reference, and an
 * objective the panel protects (e.g. {@code provider_fairness}) cannot be traded away one user at a time.
 *
 * @param maxShift the largest total-variation distance ½·Σ|w_user − w_mandate| a user's weights may have from
 *                 the voted weights, in [0, 1] (0 = no change, 1 = any point of the simplex)
 * @param locked   objectives whose weight a user may not lower below the voted weight (raising is allowed)
 */
public record Personalisation(double maxShift, Set<String> locked) {

    public Personalisation {
        if (!(maxShift >= 0 && maxShift <= 1)) {
            throw new IllegalArgumentException("the largest personal shift must be a distance in [0, 1], got " + maxShift);
        }
        // Sorted, so the canonical JSON (and the mandate's hash) does not depend on the caller's set order.
        locked = Collections.unmodifiableSortedSet(new TreeSet<>(locked == null ? Set.of() : locked));
        for (String id : locked) Catalogue.get(id);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("max_shift", maxShift);
        json.put("locked", List.copyOf(locked));
        return json;
    }

    static Personalisation fromJson(Object value) {
        if (value == null) return null;
        if (!(value instanceof Map<?, ?> json)) throw new IllegalArgumentException("personalisation must be an object, got " + value);
        if (!(json.get("max_shift") instanceof Number shift)) {
            throw new IllegalArgumentException("personalisation needs a numeric max_shift");
        }
        List<String> locked = new ArrayList<>();
        Object list = json.get("locked");
        if (list != null) {
            if (!(list instanceof List<?> ids)) throw new IllegalArgumentException("personalisation.locked must be a list of objective ids");
            for (Object id : ids) {
                if (!(id instanceof String s)) throw new IllegalArgumentException("personalisation.locked must be a list of objective ids");
                locked.add(s);
            }
        }
        return new Personalisation(shift.doubleValue(), new TreeSet<>(locked));
    }
}

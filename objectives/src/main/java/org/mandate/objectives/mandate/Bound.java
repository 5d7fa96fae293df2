package org.mandate.objectives.mandate;

import org.mandate.objectives.catalogue.Catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

/** A floor or ceiling on an objective's headline metric, e.g. public_value ≥ 0.20. A constraint, not a weight. */
public record Bound(String objective, Kind kind, double value) {

    public enum Kind { FLOOR, CEILING }

    public Bound {
        Catalogue.get(objective);
        if (kind == null) throw new IllegalArgumentException("a bound needs a kind (floor or ceiling)");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("bound on " + objective + " is not finite");
    }

    public boolean isMetBy(double measured) {
        return kind == Kind.FLOOR ? measured >= value : measured <= value;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objective", objective);
        json.put("kind", kind.name().toLowerCase());
        json.put("value", value);
        return json;
    }

    static Bound fromJson(Map<?, ?> json) {
        return new Bound((String) json.get("objective"),
                Kind.valueOf(((String) json.get("kind")).toUpperCase()),
                ((Number) json.get("value")).doubleValue());
    }
}

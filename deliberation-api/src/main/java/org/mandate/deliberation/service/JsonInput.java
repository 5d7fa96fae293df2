package org.mandate.deliberation.service;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.mandate.deliberation.service.Refused.Kind.INVALID;

/** Reading request JSON trees (as {@link org.mandate.objectives.json.Json} parses them) with refusals that name the field. */
final class JsonInput {

    /** Ids of slates, proposals and rules: short, plain, safe in a URL, a form field name and a ledger entry. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private JsonInput() {}

    static Object required(Map<String, Object> json, String field) {
        Object v = json.get(field);
        if (v == null) throw new Refused(INVALID, "'" + field + "' is required");
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v, String field) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new Refused(INVALID, "'" + field + "' must be an object");
    }

    static List<?> list(Object v, String field) {
        if (v instanceof List<?> l) return l;
        throw new Refused(INVALID, "'" + field + "' must be an array");
    }

    static String text(Object v, String field) {
        if (v instanceof String s) return s;
        throw new Refused(INVALID, "'" + field + "' must be a string");
    }

    static String id(Object v, String field) {
        String s = text(v, field);
        if (!ID.matcher(s).matches()) throw new Refused(INVALID, "'" + field + "' must match " + ID.pattern() + ", got '" + s + "'");
        return s;
    }

    /** A label shown to members: 1 to 200 characters of storable text. */
    static String label(Object v, String field) {
        String s = text(v, field).strip();
        if (s.isEmpty() || s.length() > 200) throw new Refused(INVALID, "'" + field + "' must be 1 to 200 characters");
        String problem = Texts.problem(s, false);
        if (problem != null) throw new Refused(INVALID, "'" + field + "' cannot be stored: " + problem);
        return s;
    }

    /** A number, or null when the value is not a JSON number (the ballot then refuses it with its own reason). */
    static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static double number(Object v, String field) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw new Refused(INVALID, "'" + field + "' must be a finite number");
    }

    static void onlyFields(Map<String, Object> json, String where, List<String> allowed) {
        for (String k : json.keySet()) {
            if (!allowed.contains(k)) throw new Refused(INVALID, where + " has no field '" + k + "'; its fields are " + String.join(", ", allowed));
        }
    }
}

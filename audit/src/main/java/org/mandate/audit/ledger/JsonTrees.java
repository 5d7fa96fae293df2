package org.mandate.audit.ledger;

import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.tally.TallyRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading back the plain JSON trees {@link org.mandate.objectives.json.Json} produces, with messages that
 * name the field, because a payload that fails to parse is evidence an auditor has to act on.
 */
public final class JsonTrees {

    private JsonTrees() {}

    /** Refuses a time that is not an ISO-8601 instant: every ledger record's time must parse back, or a verifier could not order it. */
    public static void requireInstant(String value, String field) {
        try {
            java.time.Instant.parse(java.util.Objects.requireNonNull(value, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant, got " + value, e);
        }
    }

    public static String string(Map<String, Object> json, String field) {
        if (json.get(field) instanceof String s) return s;
        throw new IllegalArgumentException("field '" + field + "' must be a string, got " + json.get(field));
    }

    public static String optionalString(Map<String, Object> json, String field) {
        Object v = json.get(field);
        if (v == null || v instanceof String) return (String) v;
        throw new IllegalArgumentException("field '" + field + "' must be a string or null, got " + v);
    }

    public static boolean bool(Map<String, Object> json, String field) {
        if (json.get(field) instanceof Boolean b) return b;
        throw new IllegalArgumentException("field '" + field + "' must be true or false, got " + json.get(field));
    }

    public static long integer(Map<String, Object> json, String field) {
        if (json.get(field) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
        throw new IllegalArgumentException("field '" + field + "' must be an integer, got " + json.get(field));
    }

    public static double number(Map<String, Object> json, String field) {
        if (json.get(field) instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("field '" + field + "' must be a number, got " + json.get(field));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> json, String field) {
        if (json.get(field) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new IllegalArgumentException("field '" + field + "' must be an object, got " + json.get(field));
    }

    public static TreeMap<String, Double> doubles(Map<String, Object> json, String field) {
        TreeMap<String, Double> out = new TreeMap<>();
        object(json, field).forEach((k, v) -> {
            if (!(v instanceof Number n)) throw new IllegalArgumentException("'" + field + "." + k + "' must be a number, got " + v);
            out.put(k, n.doubleValue());
        });
        return out;
    }

    public static List<String> strings(Map<String, Object> json, String field) {
        if (!(json.get(field) instanceof List<?> list)) throw new IllegalArgumentException("field '" + field + "' must be a list");
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) throw new IllegalArgumentException("'" + field + "' must hold strings, got " + o);
            out.add(s);
        }
        return out;
    }

    /** The inverse of {@link TallyRecord#toJsonValue()} (objectives has no reader for it yet). */
    public static TallyRecord tallyRecord(Map<String, Object> json) {
        return new TallyRecord(string(json, "rule"), Math.toIntExact(integer(json, "rule_version")),
                new LinkedHashMap<>(object(json, "rule_settings")), strings(json, "menu"),
                Math.toIntExact(integer(json, "ballot_count")), optionalString(json, "ballots_digest"),
                doubles(json, "weights"));
    }

    /** The inverse of {@link MetricValue#toJsonValue()}. */
    public static MetricValue metricValue(Map<String, Object> json) {
        return new MetricValue(string(json, "objective"), string(json, "metric"), number(json, "value"),
                json.get("details") == null ? new TreeMap<>() : doubles(json, "details"));
    }
}

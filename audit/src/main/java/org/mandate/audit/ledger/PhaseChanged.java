package org.mandate.audit.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel moved forward from one phase to a later one, at a time the record fixes: the report's timeline,
 * and the verifier's proof that every counted ballot was cast while voting was open. Only the organiser
 * moves phases, so no identity is recorded.
 *
 * <p>Payload: {@code {"at","from","panel","to"}}.
 *
 * @param at ISO-8601 instant ({@link Instant#toString()} form)
 */
public record PhaseChanged(long panelId, String from, String to, String at) implements LedgerEvent {

    public static final String KIND = "phase";
    /** Every phase, in the only order a panel may enter them. */
    public static final List<String> PHASES = List.of("learn", "deliberate", "vote", "closed");

    public PhaseChanged {
        int f = PHASES.indexOf(from), t = PHASES.indexOf(to);
        if (f < 0 || t < 0) throw new IllegalArgumentException("phases are " + PHASES + ", got " + from + " -> " + to);
        if (t <= f) throw new IllegalArgumentException("phases only move forward, got " + from + " -> " + to);
        JsonTrees.requireInstant(at, "at");
    }

    public PhaseChanged(long panelId, String from, String to, Instant at) {
        this(panelId, from, to, at.toString());
    }

    @Override public String kind() { return KIND; }

    public Instant instant() {
        return Instant.parse(at);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("from", from);
        json.put("to", to);
        json.put("at", at);
        return json;
    }

    static PhaseChanged fromJson(Map<String, Object> json) {
        return new PhaseChanged(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "from"), JsonTrees.string(json, "to"),
                JsonTrees.string(json, "at"));
    }
}

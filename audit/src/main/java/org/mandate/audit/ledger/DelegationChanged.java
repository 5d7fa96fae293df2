package org.mandate.audit.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member of a panel delegates their vote to another member, or revokes their delegation
 * ({@code delegate} null). Only pseudonymous voter ids are recorded. The delegations in force when a
 * panel is tallied are the latest entry of each delegator before the tally, so anyone can recompute the
 * voting rights the tally used.
 *
 * <p>Payload: {@code {"at","delegate","delegator","panel"}}.
 *
 * @param at ISO-8601 instant ({@link Instant#toString()} form)
 */
public record DelegationChanged(long panelId, String delegator, String delegate, String at) implements LedgerEvent {

    public static final String KIND = "delegation";

    public DelegationChanged {
        if (delegator == null || delegator.isBlank()) throw new IllegalArgumentException("a delegation entry needs the delegator's pseudonym");
        if (delegate != null && delegate.isBlank()) throw new IllegalArgumentException("a delegate pseudonym cannot be blank; null revokes");
        if (delegator.equals(delegate)) throw new IllegalArgumentException("a member cannot delegate to themselves");
        JsonTrees.requireInstant(at, "at");
    }

    public DelegationChanged(long panelId, String delegator, String delegate, Instant at) {
        this(panelId, delegator, delegate, at.toString());
    }

    @Override public String kind() { return KIND; }

    /** Whether this entry withdraws the delegator's delegation. */
    public boolean revokes() {
        return delegate == null;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("delegator", delegator);
        json.put("delegate", delegate);
        json.put("at", at);
        return json;
    }

    static DelegationChanged fromJson(Map<String, Object> json) {
        if (!json.containsKey("delegate")) throw new IllegalArgumentException("field 'delegate' is missing (null revokes)");
        return new DelegationChanged(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "delegator"),
                JsonTrees.optionalString(json, "delegate"), JsonTrees.string(json, "at"));
    }
}

package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a tally computed beyond its {@link TallyComputed} record, written just before it: the delegation
 * rule, the delegations in force and each kind's {@link org.mandate.objectives.delegation.DelegationOutcome},
 * the fitted comparison models, the Schulze result of a ranking, the floor rule's bounds and the approval
 * rule's per-item counts. Kept as the JSON tree the tally produced, the results' own JSON forms, so the
 * record adds no second definition of them.
 *
 * <p>Payload: {@code {"details":{"delegation","delegation_rule","delegations_in_force",["comparison"],["ranking"],["floors"],["approval"]},"panel"}}.
 */
public record TallyDetails(long panelId, Map<String, Object> details) implements LedgerEvent {

    public static final String KIND = "tally_details";

    public TallyDetails {
        details = java.util.Collections.unmodifiableMap(JsonTree.of(details, "details"));
        JsonTrees.object(details, "delegation");
    }

    @Override public String kind() { return KIND; }

    /** The floor rule's result ({@code rule, rule_version, rule_settings, ballot_count, ballots_digest, bounds}), if floors were voted. */
    public Optional<Map<String, Object>> floors() {
        return section("floors");
    }

    /** The approval rule's result ({@code electorate, ballot_count, items: [{item, yes, no, abstained, quorum_met, passed}]}), if approvals were voted. */
    public Optional<Map<String, Object>> approval() {
        return section("approval");
    }

    /** Votes each direct voter of {@code ballotKind} carried (1 + delegated votes), empty when the kind was not voted. */
    public Map<String, Long> votes(String ballotKind) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (JsonTrees.object(details, "delegation").get(ballotKind) instanceof Map<?, ?> outcome && outcome.get("votes") instanceof Map<?, ?> votes) {
            votes.forEach((k, v) -> out.put((String) k, ((Number) v).longValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> section(String name) {
        return details.get(name) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("details", details);
        return json;
    }

    static TallyDetails fromJson(Map<String, Object> json) {
        return new TallyDetails(JsonTrees.integer(json, "panel"), JsonTrees.object(json, "details"));
    }
}

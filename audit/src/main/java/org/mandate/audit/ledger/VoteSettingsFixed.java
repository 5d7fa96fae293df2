package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A panel's vote settings, fixed before voting opens: the ballot kinds it offers (exactly one of
 * {@code weights}, {@code comparison}, {@code ranking} decides the weights), the slates members compare,
 * the proposals they rank with the status quo, the data-use rules put to approval with the quorum and
 * majority (each item forbids an attribute, {@code forbid_attribute}, or limits the interactions' age,
 * {@code max_interaction_age_days}), and the personalisation rule. Kept as the JSON tree the deliberation service publishes (audit
 * does not depend on it); the kinds are checked, because the verifier decides from them how to recount.
 *
 * <p>Payload: {@code {"panel","settings":{"kinds",["slates"],["proposals","status_quo"],["items","quorum","majority"],["personalisation"]}}}.
 */
public record VoteSettingsFixed(long panelId, Map<String, Object> settings) implements LedgerEvent {

    public static final String KIND = "vote_settings";
    /** Every ballot kind; the first three are the primary kinds, one of which a panel offers. */
    public static final List<String> BALLOT_KINDS = List.of("weights", "comparison", "ranking", "floors", "approval");
    private static final Set<String> PRIMARY = Set.of("weights", "comparison", "ranking");
    /** The field of an approval item that limits the age of the interactions the trainer may use. */
    public static final String AGE_FIELD = "max_interaction_age_days";

    public VoteSettingsFixed {
        settings = java.util.Collections.unmodifiableMap(JsonTree.of(settings, "settings"));
        List<String> kinds = JsonTrees.strings(settings, "kinds");
        if (kinds.isEmpty() || !BALLOT_KINDS.containsAll(kinds) || kinds.size() != Set.copyOf(kinds).size()) {
            throw new IllegalArgumentException("settings.kinds must be distinct kinds of " + BALLOT_KINDS + ", got " + kinds);
        }
        if (kinds.stream().filter(PRIMARY::contains).count() != 1) {
            throw new IllegalArgumentException("a panel offers exactly one of weights, comparison and ranking, got " + kinds);
        }
    }

    @Override public String kind() { return KIND; }

    public List<String> kinds() {
        return JsonTrees.strings(settings, "kinds");
    }

    /** The kind that decides the mandate's weights. */
    public String primary() {
        return kinds().stream().filter(PRIMARY::contains).findFirst().orElseThrow();
    }

    /** Approval item id to the attribute its passing forbids (empty when the panel votes no data-use rule). */
    @SuppressWarnings("unchecked")
    public Map<String, String> forbiddenAttributes() {
        Map<String, String> out = new LinkedHashMap<>();
        if (settings.get("items") instanceof List<?> items) {
            for (Object o : items) {
                Map<String, Object> item = (Map<String, Object>) o;
                // an interaction-age item forbids no attribute
                if (item.containsKey("forbid_attribute")) out.put(JsonTrees.string(item, "id"), JsonTrees.string(item, "forbid_attribute"));
            }
        }
        return out;
    }

    /**
     * Approval item id to the interaction-age limit in days its passing sets ({@code max_interaction_age_days}),
     * in the settings' order; empty when no age limit is put to the vote.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> interactionAgeLimits() {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (settings.get("items") instanceof List<?> items) {
            for (Object o : items) {
                Map<String, Object> item = (Map<String, Object>) o;
                if (!item.containsKey(AGE_FIELD)) continue;
                long days = JsonTrees.integer(item, AGE_FIELD);
                if (days < 1 || days > Integer.MAX_VALUE) throw new IllegalArgumentException("an interaction-age limit is a positive number of days, got " + days);
                out.put(JsonTrees.string(item, "id"), (int) days);
            }
        }
        return out;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("settings", settings);
        return json;
    }

    static VoteSettingsFixed fromJson(Map<String, Object> json) {
        return new VoteSettingsFixed(JsonTrees.integer(json, "panel"), JsonTrees.object(json, "settings"));
    }
}

package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A panel's vote settings, fixed before voting opens: the ballot kinds it offers (exactly one of
 * {@code weights}, {@code comparison}, {@code ranking} decides the weights), the slates members compare,
 * the proposals they rank with the status quo, the data-use rules put to approval with the quorum and
 * majority, and the personalisation rule. Kept as the JSON tree the deliberation service publishes (audit
 * does not depend on it); the kinds are checked, because the verifier decides from them how to recount.
 *
 * <p>Payload: {@code {"panel","settings":{"kinds",["slates"],["proposals","status_quo"],["items","quorum","majority"],["personalisation"]}}}.
 */
public record VoteSettingsFixed(long panelId, Map<String, Object> settings) implements LedgerEvent {

    public static final String KIND = "vote_settings";
    /** Every ballot kind; the first three are the primary kinds, one of which a panel offers. */
    public static final List<String> BALLOT_KINDS = List.of("weights", "comparison", "ranking", "floors", "approval");
    private static final Set<String> PRIMARY = Set.of("weights", "comparison", "ranking");

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
                out.put(JsonTrees.string(item, "id"), JsonTrees.string(item, "forbid_attribute"));
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

package org.mandate.objectives.tally;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcome of an approval vote on rules, item by item, with the rule and ballots that produced it. */
public record ApprovalResult(String rule, int ruleVersion, Map<String, Object> ruleSettings, double electorate,
                             int ballotCount, String ballotsDigest, List<ItemOutcome> items) implements JsonValue {

    /**
     * @param abstained the electorate's weight that did not vote yes or no on this item
     */
    public record ItemOutcome(String item, double yes, double no, double abstained, boolean quorumMet, boolean passed) {}

    public ApprovalResult {
        ruleSettings = new TreeMap<>(ruleSettings);
        items = List.copyOf(items);
    }

    public ItemOutcome item(String id) {
        return items.stream().filter(o -> o.item().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item '" + id + "' in this vote"));
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", rule);
        json.put("rule_version", ruleVersion);
        json.put("rule_settings", ruleSettings);
        json.put("electorate", electorate);
        json.put("ballot_count", ballotCount);
        json.put("ballots_digest", ballotsDigest);
        json.put("items", items.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", o.item());
            m.put("yes", o.yes());
            m.put("no", o.no());
            m.put("abstained", o.abstained());
            m.put("quorum_met", o.quorumMet());
            m.put("passed", o.passed());
            return m;
        }).toList());
        return json;
    }
}

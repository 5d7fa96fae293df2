package org.mandate.objectives.tally;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a tally did, in full: the rule with its version and settings, the menu, how many ballots were
 * counted, the digest of exactly those ballots, and the resulting weights. Recomputing the tally from
 * the published ballots must give this record byte for byte.
 */
public record TallyRecord(String rule, int ruleVersion, Map<String, Object> ruleSettings, List<String> menu,
                          int ballotCount, String ballotsDigest, SortedMap<String, Double> weights) implements JsonValue {

    public TallyRecord {
        ruleSettings = new TreeMap<>(ruleSettings);
        menu = List.copyOf(menu);
        weights = new TreeMap<>(weights);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", rule);
        json.put("rule_version", ruleVersion);
        json.put("rule_settings", ruleSettings);
        json.put("menu", menu);
        json.put("ballot_count", ballotCount);
        json.put("ballots_digest", ballotsDigest);
        json.put("weights", weights);
        return json;
    }
}

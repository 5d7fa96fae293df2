package org.mandate.objectives.delegation;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The resolved delegations of one topic: how many votes each direct voter casts, how every member was
 * resolved, and the losses, reported: the cycles (each listed from its smallest member id, in order),
 * and the members whose chain dangles or is too long. Conservation: the votes cast add up to the members
 * who voted or delegated, minus exactly the members reported lost.
 */
public record DelegationOutcome(String topic, int maxChainLength, SortedMap<String, Long> votes,
                                SortedMap<String, Resolution> resolutions, List<List<String>> cycles,
                                List<String> lostToCycles, List<String> dangling, List<String> tooLong) implements JsonValue {

    public DelegationOutcome {
        votes = new TreeMap<>(votes);
        resolutions = new TreeMap<>(resolutions);
        cycles = cycles.stream().map(List::copyOf).toList();
        lostToCycles = List.copyOf(lostToCycles);
        dangling = List.copyOf(dangling);
        tooLong = List.copyOf(tooLong);
    }

    /** Total votes cast, direct and delegated. */
    public long totalVotes() {
        return votes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Voting rights for a tally: each direct voter's vote count. */
    public SortedMap<String, Double> rights() {
        TreeMap<String, Double> r = new TreeMap<>();
        votes.forEach((k, v) -> r.put(k, v.doubleValue()));
        return r;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", LiquidDelegation.ID);
        json.put("rule_version", LiquidDelegation.VERSION);
        json.put("topic", topic);
        json.put("max_chain_length", maxChainLength);
        json.put("votes", votes);
        TreeMap<String, Object> res = new TreeMap<>();
        resolutions.forEach((k, v) -> res.put(k, v.name().toLowerCase()));
        json.put("resolutions", res);
        json.put("cycles", cycles);
        json.put("lost_to_cycles", lostToCycles);
        json.put("dangling", dangling);
        json.put("too_long", tooLong);
        return json;
    }
}

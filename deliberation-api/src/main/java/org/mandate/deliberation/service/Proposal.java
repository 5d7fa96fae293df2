package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A packaged proposal members may rank: a complete set of weights over the panel's menu, with a short
 * label. The winning proposal's weights become the mandate's.
 */
public record Proposal(String id, String label, SortedMap<String, Double> weights) {

    public Proposal {
        weights = new TreeMap<>(weights);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("label", label);
        json.put("weights", weights);
        return json;
    }
}

package org.mandate.objectives.mandate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a mandate came from: the hash of the tally record that produced it and a human label
 * (e.g. "panel 1, independent_markets, 200 ballots"), or a plain label for a hand-written baseline.
 */
public record Provenance(String tallyHash, String label) {

    public static Provenance baseline(String label) {
        return new Provenance(null, label);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tally_hash", tallyHash);
        json.put("label", label);
        return json;
    }

    static Provenance fromJson(Map<?, ?> json) {
        return json == null ? null : new Provenance((String) json.get("tally_hash"), (String) json.get("label"));
    }
}

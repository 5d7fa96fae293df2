package org.mandate.audit.ledger;

import org.mandate.objectives.tally.TallyRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A panel's tally: the full {@link TallyRecord} (rule, settings, ballots digest, weights) so anyone can
 * recompute it from the published ballots. {@link #tallyHash()} is what a mandate's provenance names.
 *
 * <p>Payload: {@code {"panel": id, "tally": <TallyRecord>, "tally_hash": sha256}}.
 */
public record TallyComputed(long panelId, TallyRecord tally) implements LedgerEvent {

    public static final String KIND = "tally";

    public TallyComputed {
        Objects.requireNonNull(tally, "tally");
    }

    @Override public String kind() { return KIND; }

    public String tallyHash() {
        return tally.sha256();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("tally", tally.toJsonValue());
        json.put("tally_hash", tallyHash());
        return json;
    }

    static TallyComputed fromJson(Map<String, Object> json) {
        TallyComputed t = new TallyComputed(JsonTrees.integer(json, "panel"), JsonTrees.tallyRecord(JsonTrees.object(json, "tally")));
        String stated = JsonTrees.string(json, "tally_hash");
        if (!stated.equals(t.tallyHash())) {
            throw new IllegalArgumentException("tally of panel " + t.panelId + " states hash " + stated + " but hashes to " + t.tallyHash());
        }
        return t;
    }
}

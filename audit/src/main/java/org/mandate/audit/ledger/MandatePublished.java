package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Mandate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The mandate a panel's tally produced, with its hash: the identity every training manifest must name.
 *
 * <p>Payload: {@code {"mandate": <Mandate>, "mandate_hash": sha256, "panel": id}}.
 */
public record MandatePublished(long panelId, Mandate mandate) implements LedgerEvent {

    public static final String KIND = "mandate";

    public MandatePublished {
        Objects.requireNonNull(mandate, "mandate");
    }

    @Override public String kind() { return KIND; }

    public String mandateHash() {
        return mandate.sha256();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("mandate", mandate.toJsonValue());
        json.put("mandate_hash", mandateHash());
        return json;
    }

    static MandatePublished fromJson(Map<String, Object> json) {
        Mandate mandate = Mandate.fromJson(CanonicalJson.write(JsonTrees.object(json, "mandate")));
        MandatePublished m = new MandatePublished(JsonTrees.integer(json, "panel"), mandate);
        String stated = JsonTrees.string(json, "mandate_hash");
        if (!stated.equals(m.mandateHash())) {
            throw new IllegalArgumentException("mandate of panel " + m.panelId + " states hash " + stated + " but hashes to " + m.mandateHash());
        }
        return m;
    }
}

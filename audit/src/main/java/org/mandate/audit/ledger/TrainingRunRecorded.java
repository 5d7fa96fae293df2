package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A training run under a mandate. The manifest (data hash, code version, seed, hyper-parameters, payoff
 * table, data fields read, ...) is kept as a plain JSON tree: audit must not depend on training, and an
 * auditor reads the manifest as published, not through the trainer's classes.
 *
 * <p>Payload: {@code {"label", "manifest", "manifest_hash", "mandate_hash"}}.
 */
public record TrainingRunRecorded(String label, String mandateHash, Map<String, Object> manifest) implements LedgerEvent {

    public static final String KIND = "training_run";

    public TrainingRunRecorded {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mandateHash, "mandateHash");
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(manifest, "manifest")));
        CanonicalJson.write(manifest); // refuse now, not at append time, what has no JSON form (NaN, objects)
    }

    @Override public String kind() { return KIND; }

    /** SHA-256 of the canonical manifest: lets a model artifact's manifest file be matched to this entry. */
    public String manifestHash() {
        return CanonicalJson.sha256(manifest);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", label);
        json.put("mandate_hash", mandateHash);
        json.put("manifest", manifest);
        json.put("manifest_hash", manifestHash());
        return json;
    }

    static TrainingRunRecorded fromJson(Map<String, Object> json) {
        TrainingRunRecorded r = new TrainingRunRecorded(JsonTrees.string(json, "label"), JsonTrees.string(json, "mandate_hash"),
                JsonTrees.object(json, "manifest"));
        String stated = JsonTrees.string(json, "manifest_hash");
        if (!stated.equals(r.manifestHash())) {
            throw new IllegalArgumentException("run '" + r.label + "' states manifest hash " + stated + " but hashes to " + r.manifestHash());
        }
        return r;
    }
}

package org.mandate.audit.checkpoint;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.objectives.json.JsonValue;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One party's Ed25519 signature over a {@link Checkpoint#signedMessage()}: who signed (a role name such as
 * {@code log} or {@code regulator}, which names the key file {@code keys/<signer>.pub}), the
 * {@link KeyFiles#keyId key id} of the key used, and the 64-byte signature in standard base64.
 */
public record CheckpointSignature(String signer, String keyId, String signature) implements JsonValue {

    private static final Pattern SIGNER = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public CheckpointSignature {
        if (signer == null || !SIGNER.matcher(signer).matches()) throw new IllegalArgumentException("a signer name matches [a-z][a-z0-9_-]{0,63}, got " + signer);
        if (keyId == null || !SHA256.matcher(keyId).matches()) throw new IllegalArgumentException("a key id is 64 lower-case hex digits, got " + keyId);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("signature of " + signer + " is not base64", e);
        }
        // Re-encoding must give the same text: a base64 decoder ignores some bit changes in the last
        // character, and a published file must not have two spellings.
        if (raw.length != 64 || !Base64.getEncoder().encodeToString(raw).equals(signature)) {
            throw new IllegalArgumentException("signature of " + signer + " is not the canonical base64 of 64 bytes");
        }
    }

    /** True iff this is {@code key}'s valid signature over the checkpoint (and the key is the one named). */
    public boolean verifies(Checkpoint checkpoint, PublicKey key) {
        if (!keyId.equals(KeyFiles.keyId(key))) return false;
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(checkpoint.signedMessage());
            return ed.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signer", signer);
        json.put("key_id", keyId);
        json.put("signature", signature);
        return json;
    }

    static CheckpointSignature fromJson(Map<String, Object> json) {
        if (!json.keySet().equals(Set.of("signer", "key_id", "signature"))) {
            throw new IllegalArgumentException("a signature has exactly signer, key_id and signature, got " + json.keySet());
        }
        return new CheckpointSignature(JsonTrees.string(json, "signer"), JsonTrees.string(json, "key_id"), JsonTrees.string(json, "signature"));
    }
}

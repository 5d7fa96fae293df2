package org.mandate.audit.merkle;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * That the log of size {@code oldSize} is a prefix of the log of size {@code newSize}: RFC 9162 §2.1.4.
 * A reader who kept an old signed root checks with {@link #verify} that the log only grew since — nothing
 * recorded then was changed, removed or reordered — without downloading the log.
 */
public record ConsistencyProof(long oldSize, long newSize, List<String> path) implements JsonValue {

    public ConsistencyProof {
        path = List.copyOf(path);
    }

    /** True iff the proof shows {@code oldRoot} (of oldSize) is a prefix of {@code newRoot} (of newSize); never throws. */
    public boolean verify(String oldRoot, String newRoot) {
        try {
            return check(Rfc6962.unhex(oldRoot), Rfc6962.unhex(newRoot));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 9162 §2.1.4.2, with the trivial cases (equal sizes, empty old tree) decided first. */
    private boolean check(byte[] first, byte[] second) {
        if (oldSize < 0 || oldSize > newSize) return false;
        if (oldSize == newSize) return path.isEmpty() && Arrays.equals(first, second);
        if (oldSize == 0) return path.isEmpty(); // the empty tree is a prefix of every tree
        if (path.isEmpty()) return false;        // step 1
        List<byte[]> proof = new ArrayList<>(path.size() + 1);
        if (Long.bitCount(oldSize) == 1) proof.add(first); // step 2: the old tree is a whole subtree of the new
        for (String h : path) proof.add(Rfc6962.unhex(h));
        long fn = oldSize - 1;                              // step 3
        long sn = newSize - 1;
        while ((fn & 1) == 1) {                             // step 4
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.getFirst();                       // step 5
        byte[] sr = proof.getFirst();
        for (byte[] c : proof.subList(1, proof.size())) {   // step 6
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, first) && Arrays.equals(sr, second) && sn == 0; // step 7
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("old_size", oldSize);
        json.put("new_size", newSize);
        json.put("path", path);
        return json;
    }

    /** Reads the JSON form of {@link #toJsonValue()} (e.g. served by the API to a client without the ledger); the proof is checked by {@link #verify}, not here. */
    public static ConsistencyProof parse(String json) {
        Map<String, Object> tree = Json.parseObject(json);
        if (!tree.keySet().equals(Set.of("old_size", "new_size", "path"))) throw new IllegalArgumentException("a proof has exactly old_size, new_size, path, got " + tree.keySet());
        return fromJson(tree);
    }

    private static ConsistencyProof fromJson(Map<String, Object> json) {
        return new ConsistencyProof(JsonTrees.integer(json, "old_size"), JsonTrees.integer(json, "new_size"), JsonTrees.strings(json, "path"));
    }
}

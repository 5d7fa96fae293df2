package org.mandate.audit.merkle;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.json.JsonValue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * That leaf {@code leafIndex} is in the tree of size {@code treeSize}: the audit path of RFC 9162 §2.1.3,
 * siblings listed from the leaf upwards, each a hex SHA-256. Anyone holding the leaf and a signed root
 * checks it with {@link #verify} alone, without the rest of the log.
 */
public record InclusionProof(long leafIndex, long treeSize, List<String> path) implements JsonValue {

    public InclusionProof {
        path = List.copyOf(path);
    }

    /** True iff the path leads from {@code leafHash} to {@code root} (both hex); never throws on a malformed proof. */
    public boolean verify(String leafHash, String root) {
        try {
            return Arrays.equals(rootFrom(Rfc6962.unhex(leafHash)), Rfc6962.unhex(root));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The root this path leads to from the leaf: RFC 9162 §2.1.3.2, steps 1-4. */
    private byte[] rootFrom(byte[] leaf) {
        if (leafIndex < 0 || leafIndex >= treeSize) throw new IllegalArgumentException("leaf " + leafIndex + " outside a tree of size " + treeSize);
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leaf;
        for (String hex : path) {
            byte[] p = Rfc6962.unhex(hex);
            if (sn == 0) throw new IllegalArgumentException("audit path longer than the tree is deep");
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                // The rightmost node of a level with no right sibling is promoted unchanged: skip those levels.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) throw new IllegalArgumentException("audit path shorter than the tree is deep");
        return r;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("leaf_index", leafIndex);
        json.put("tree_size", treeSize);
        json.put("path", path);
        return json;
    }

    /** Reads the JSON form of {@link #toJsonValue()} (e.g. served by the API to a client without the ledger); the proof is checked by {@link #verify}, not here. */
    public static InclusionProof parse(String json) {
        Map<String, Object> tree = Json.parseObject(json);
        if (!tree.keySet().equals(Set.of("leaf_index", "tree_size", "path"))) throw new IllegalArgumentException("a proof has exactly leaf_index, tree_size, path, got " + tree.keySet());
        return fromJson(tree);
    }

    private static InclusionProof fromJson(Map<String, Object> json) {
        return new InclusionProof(JsonTrees.integer(json, "leaf_index"), JsonTrees.integer(json, "tree_size"), JsonTrees.strings(json, "path"));
    }
}

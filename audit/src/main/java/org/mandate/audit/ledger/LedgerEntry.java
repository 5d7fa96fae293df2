package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One link of the hash chain as stored and published: its position, its kind, its canonical JSON
 * payload, the hash of the previous entry and its own hash (see {@link HashChain#hash}).
 */
public record LedgerEntry(long seq, String kind, String payload, String prevHash, String hash) {

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) throw new IllegalArgumentException("seq must be non-negative");
    }

    /**
     * The entry as one line of the published ledger file (without the newline): the canonical JSON
     * {@code {"hash","kind","payload","prev_hash","seq"}}. Also the leaf data of the ledger's Merkle tree,
     * so the bytes a reader holds are the bytes the signed root commits to.
     */
    public String canonicalLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("kind", kind);
        line.put("payload", payload);
        line.put("prev_hash", prevHash);
        line.put("hash", hash);
        return CanonicalJson.write(line);
    }
}

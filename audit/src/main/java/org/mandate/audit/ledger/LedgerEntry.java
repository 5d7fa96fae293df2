package org.mandate.audit.ledger;

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
}

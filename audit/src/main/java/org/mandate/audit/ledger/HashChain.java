package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The append-only hash chain behind the ledger: every entry commits to the one before it, so changing,
 * removing or reordering any stored byte breaks every hash after it.
 *
 * <p>hash(n) = SHA-256("mandate-ledger-v1" LF seq LF kind LF prevHash LF payload), with the genesis
 * prevHash 64 zeros. The domain prefix keeps these hashes from colliding with any other SHA-256 in the
 * system (ballot receipts, mandate hashes).
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);
    private static final String DOMAIN = "mandate-ledger-v1";

    private HashChain() {}

    public static String hash(long seq, String kind, String prevHash, String payload) {
        String preimage = DOMAIN + '\n' + seq + '\n' + kind + '\n' + prevHash + '\n' + payload;
        return CanonicalJson.sha256Hex(preimage.getBytes(StandardCharsets.UTF_8));
    }

    /** The entry that follows {@code previous} (null for the first entry). */
    public static LedgerEntry next(LedgerEntry previous, String kind, String payload) {
        long seq = previous == null ? 0 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        return new LedgerEntry(seq, kind, payload, prev, hash(seq, kind, prev, payload));
    }

    /** Checks the whole chain from genesis; the result names the first broken link. */
    public static ChainVerification verify(List<LedgerEntry> entries) {
        String prev = GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            if (e.seq() != i) return ChainVerification.broken(i, "entry at position " + i + " has seq " + e.seq());
            if (!e.prevHash().equals(prev)) return ChainVerification.broken(i, "entry " + i + " does not point at the hash of entry " + (i - 1));
            String expected = hash(e.seq(), e.kind(), e.prevHash(), e.payload());
            if (!expected.equals(e.hash())) return ChainVerification.broken(i, "entry " + i + " (" + e.kind() + ") was altered: its content no longer matches its hash");
            prev = e.hash();
        }
        return ChainVerification.intact(entries.size(), prev);
    }
}

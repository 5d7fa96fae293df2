package org.mandate.audit.ledger;

/**
 * The outcome of checking a hash chain: intact (with its length and head hash) or broken at the first
 * bad entry, with the reason.
 */
public record ChainVerification(boolean ok, long entries, String head, long firstBadSeq, String reason) {

    static ChainVerification intact(long entries, String head) {
        return new ChainVerification(true, entries, head, -1, "chain of " + entries + " entries is intact");
    }

    static ChainVerification broken(long at, String reason) {
        return new ChainVerification(false, at, null, at, reason);
    }
}

package org.mandate.audit.report;

import org.mandate.audit.ledger.ChainVerification;

/**
 * The ledger as of the report: its length, head hash and whether the chain verified (or why not).
 *
 * @param headHash null for an empty ledger or a broken chain
 */
public record LedgerSummary(long entries, String headHash, boolean verified, String verificationMessage) {

    public LedgerSummary {
        if (entries < 0) throw new IllegalArgumentException("entries cannot be negative");
        verificationMessage = verificationMessage == null ? "" : verificationMessage;
    }

    /** From a verification; {@code totalEntries} is the ledger's length, which a broken result does not carry. */
    public static LedgerSummary of(ChainVerification v, long totalEntries) {
        return new LedgerSummary(totalEntries, v.head(), v.ok(), v.reason());
    }
}

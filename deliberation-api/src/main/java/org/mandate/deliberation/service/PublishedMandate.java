package org.mandate.deliberation.service;

import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.mandate.Mandate;

/**
 * A panel's mandate as the ledger holds it. {@code mandateEntry.payload()} is the mandate's canonical
 * JSON, so {@code mandateHash} is also its SHA-256; {@code tallyEntry.payload()} is the tally record.
 */
public record PublishedMandate(long panelId, Mandate mandate, String mandateHash, LedgerEntry tallyEntry, LedgerEntry mandateEntry) {}

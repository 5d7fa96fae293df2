package org.mandate.deliberation.service;

import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.TallyRecord;

/** A panel's tally and the mandate it produced, with the ledger entries that record them. */
public record TallyOutcome(long panelId, TallyRecord tally, Mandate mandate, LedgerEntry tallyEntry, LedgerEntry mandateEntry) {}

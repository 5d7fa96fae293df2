package org.mandate.deliberation.service;

import org.mandate.audit.ledger.LedgerEntry;

/** An organiser hid a statement; the {@code moderation} ledger entry publishes who, what and why. */
public record Moderation(long panelId, long statementId, String reason, String by, LedgerEntry entry) {}

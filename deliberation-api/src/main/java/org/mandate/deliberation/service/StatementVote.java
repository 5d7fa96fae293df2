package org.mandate.deliberation.service;

import java.time.Instant;

/** One recorded vote on a statement; a member's latest vote on a statement is the one that counts. */
public record StatementVote(long panelId, long statementId, String voterId, Stance stance, Instant castAt) {}

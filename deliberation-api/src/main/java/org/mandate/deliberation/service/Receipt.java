package org.mandate.deliberation.service;

import java.time.Instant;

/**
 * What a voter keeps after casting a ballot: {@code receipt} is the SHA-256 of {@code ballot}, the
 * canonical JSON that was stored and published in ledger entry {@code ledgerSeq}, so the voter can
 * check that the record holds exactly what they cast.
 */
public record Receipt(String receipt, long panelId, String voterId, int version, long ledgerSeq, Instant castAt, String ballot) {}

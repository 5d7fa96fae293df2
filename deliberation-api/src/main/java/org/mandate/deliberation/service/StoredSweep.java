package org.mandate.deliberation.service;

/** A sweep as stored for a panel: the SHA-256 of its canonical JSON and the ledger entry that published that hash. */
public record StoredSweep(long panelId, String sha256, long ledgerSeq, Sweep sweep) {}

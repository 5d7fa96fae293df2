package org.mandate.deliberation.service;

/**
 * A stored ballot version as a voter can look it up by receipt. {@code counts} is true when it is the
 * member's latest version of its kind, the one a tally uses.
 */
public record CastBallot(long panelId, String voterId, int version, String ballot, String receipt, long ledgerSeq, boolean counts, String kind) {}

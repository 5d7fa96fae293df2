package org.mandate.objectives.delegation;

/** How one member's vote was resolved on a topic. */
public enum Resolution {
    /** Voted directly (a direct vote overrides any delegation). */
    DIRECT,
    /** Delegated, and the chain reached a direct voter within the maximum length. */
    DELEGATED,
    /** Neither voted nor delegated: not counted, and not a loss of delegated weight. */
    ABSTAINED,
    /** On a delegation cycle or leading into one: the vote is lost, and reported. */
    CYCLE,
    /** The chain ends at a member who neither votes nor delegates, or at a non-member: lost, and reported. */
    DANGLING,
    /** The chain reaches a voter only after more hops than allowed: lost, and reported. */
    TOO_LONG
}

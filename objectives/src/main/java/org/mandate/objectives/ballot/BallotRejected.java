package org.mandate.objectives.ballot;

/**
 * A ballot that cannot be counted, with a stable reason code (the HTTP layer turns it into the
 * problem-type URI) and a message a voter can act on.
 */
public final class BallotRejected extends IllegalArgumentException {

    public enum Reason {
        MISSING_VOTER("missing-voter"),
        EMPTY("empty-ballot"),
        UNKNOWN_OBJECTIVE("unknown-objective"),
        NOT_FINITE("weight-not-finite"),
        NEGATIVE("negative-weight"),
        NOT_NORMALISED("weights-do-not-sum"),
        ALREADY_VOTED("already-voted"),
        /** A number outside its allowed range, e.g. a comparison strength outside −10…10. */
        OUT_OF_RANGE("out-of-range"),
        /** A ranking or approval names an option (proposal, rule) the vote does not offer. */
        UNKNOWN_OPTION("unknown-option"),
        /** The same option appears twice in one ballot. */
        DUPLICATE("duplicate-option");

        private final String slug;

        Reason(String slug) { this.slug = slug; }

        /** The stable identifier of this reason, used in problem+json {@code type} URIs. */
        public String slug() { return slug; }
    }

    private final Reason reason;

    public BallotRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

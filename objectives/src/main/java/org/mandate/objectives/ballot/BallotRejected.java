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
        ALREADY_VOTED("already-voted");

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

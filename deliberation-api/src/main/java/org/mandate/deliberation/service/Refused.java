package org.mandate.deliberation.service;

/**
 * A request the deliberation services will not carry out, with a stable kind (the HTTP layer turns its
 * slug into a problem type) and a message a user can act on. Ballot content problems are
 * {@link org.mandate.objectives.ballot.BallotRejected} instead, with the objectives module's reasons.
 */
public final class Refused extends RuntimeException {

    public enum Kind {
        UNAUTHORISED("unauthorised", "Missing or unknown credentials"),
        FORBIDDEN("forbidden", "Not allowed for this member"),
        NOT_FOUND("not-found", "Not found"),
        WRONG_PHASE("wrong-phase", "Not possible in the panel's current phase"),
        ALREADY_TALLIED("already-tallied", "The panel has already been tallied"),
        NO_BALLOTS("no-ballots", "There are no ballots to tally"),
        INVALID("invalid-request", "Invalid request");

        private final String slug;
        private final String title;

        Kind(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() { return slug; }

        public String title() { return title; }
    }

    private final Kind kind;

    public Refused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package org.mandate.deliberation.service;

/**
 * A request the deliberation services will not carry out, with a stable kind (the HTTP layer turns its
 * slug into a problem type) and a message a user can act on. Ballot content problems are
 * {@link org.mandate.objectives.ballot.BallotRejected} instead, with the objectives module's reasons.
 */
public final class Refused extends RuntimeException {

    public enum Kind {
        UNAUTHORISED("unauthorised", "Missing or unknown credentials", 401),
        FORBIDDEN("forbidden", "Not allowed for this member", 403),
        NOT_FOUND("not-found", "Not found", 404),
        WRONG_PHASE("wrong-phase", "Not possible in the panel's current phase", 409),
        ALREADY_TALLIED("already-tallied", "The panel has already been tallied", 409),
        NO_BALLOTS("no-ballots", "There are no ballots to tally", 409),
        INVALID("invalid-request", "Invalid request", 422),
        INVALID_STRATA("invalid-strata", "Invalid strata file", 422),
        INVALID_SWEEP("invalid-sweep", "Invalid sweep file", 422),
        NO_SWEEP("no-sweep", "No trade-off sweep for this panel", 404);

        private final String slug;
        private final String title;
        private final int status;

        Kind(String slug, String title, int status) {
            this.slug = slug;
            this.title = title;
            this.status = status;
        }

        public String slug() { return slug; }

        public String title() { return title; }

        /** The HTTP status the API and the pages answer this refusal with. */
        public int status() { return status; }
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

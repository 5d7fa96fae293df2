package org.mandate.deliberation.jobs;

/**
 * A training-run or recommendation request the server will not carry out, with a stable slug (the HTTP layer
 * turns it into the problem type {@code /problems/<slug>}), a fixed title and the HTTP status to answer with.
 */
public final class JobProblem extends RuntimeException {

    private final String slug;
    private final String title;
    private final int status;

    public JobProblem(String slug, String title, int status, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}

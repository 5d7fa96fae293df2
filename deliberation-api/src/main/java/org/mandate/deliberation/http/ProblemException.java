package org.mandate.deliberation.http;

/** Raised by the HTTP layer itself (unreadable body, unknown path) to answer with a problem. */
final class ProblemException extends RuntimeException {

    private final Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}

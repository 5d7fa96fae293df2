package org.mandate.audit.report;

/**
 * How the panel voted on one rule of the mandate: approvals out of the ballots that expressed a view on it.
 *
 * @param approvals ballots in favour
 * @param ballots   ballots cast on the rule (the share's denominator)
 */
public record RuleVote(long approvals, long ballots) {

    public RuleVote {
        if (ballots < 1 || approvals < 0 || approvals > ballots) {
            throw new IllegalArgumentException("a rule vote needs 0 <= approvals <= ballots and ballots >= 1, got " + approvals + "/" + ballots);
        }
    }

    public double share() {
        return (double) approvals / ballots;
    }
}

package org.mandate.audit.report;

import org.mandate.audit.ledger.LedgerView;

/**
 * The panel as the report presents it.
 *
 * @param members seats on the panel (the turnout denominator)
 * @param ballots ballot entries recorded, of every kind, revisions included
 * @param voters  members who cast at least one ballot of any kind (the turnout numerator), or -1 when not known
 * @param rule aggregation rule id, chosen before voting opened
 * @param ruleRationale why that rule, in plain words
 */
public record PanelSummary(String name, int members, int ballots, int voters, String rule, String ruleRationale) {

    public PanelSummary {
        if (name == null || rule == null) throw new IllegalArgumentException("a panel summary needs a name and a rule");
        if (members < 0 || ballots < 0) throw new IllegalArgumentException("members and ballots cannot be negative");
        if (voters < -1 || voters > ballots) throw new IllegalArgumentException("voters must be -1 (unknown) or 0..ballots, got " + voters);
        ruleRationale = ruleRationale == null ? "" : ruleRationale;
    }

    /** A summary whose voter count is not known: turnout then falls back on the tally's ballot count. */
    public PanelSummary(String name, int members, int ballots, String rule, String ruleRationale) {
        this(name, members, ballots, -1, rule, ruleRationale);
    }

    /** The ballot and voter figures read from the record: every ballot kind counts, so a ranking-only panel has its turnout. */
    public static PanelSummary fromLedger(LedgerView view, long panelId, String name, int members, String rule, String ruleRationale) {
        return new PanelSummary(name, members, Math.toIntExact(view.ballotVersions(panelId)), Math.toIntExact(view.voters(panelId)), rule, ruleRationale);
    }
}

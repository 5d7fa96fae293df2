package org.mandate.audit.report;

/**
 * The panel as the report presents it.
 *
 * @param members seats on the panel (the turnout denominator)
 * @param ballots ballot entries recorded, revisions included
 * @param rule aggregation rule id, chosen before voting opened
 * @param ruleRationale why that rule, in plain words
 */
public record PanelSummary(String name, int members, int ballots, String rule, String ruleRationale) {

    public PanelSummary {
        if (name == null || rule == null) throw new IllegalArgumentException("a panel summary needs a name and a rule");
        if (members < 0 || ballots < 0) throw new IllegalArgumentException("members and ballots cannot be negative");
        ruleRationale = ruleRationale == null ? "" : ruleRationale;
    }
}

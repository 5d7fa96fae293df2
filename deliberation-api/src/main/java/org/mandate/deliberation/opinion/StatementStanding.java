package org.mandate.deliberation.opinion;

import java.util.List;

/**
 * How the panel received a statement. {@code consensus} is group-informed consensus: the product over
 * opinion groups of each group's smoothed agreement (agree + 1) / (seen + 2), so a statement ranks high
 * only when every group agrees with it — bridging agreement, not a majority's popularity.
 * {@code groupAgreement} lists that smoothed agreement per group, in group order.
 */
public record StatementStanding(long statementId, int agree, int disagree, int pass, double consensus, List<Double> groupAgreement) {

    public StatementStanding {
        groupAgreement = List.copyOf(groupAgreement);
    }

    public int votes() {
        return agree + disagree + pass;
    }
}

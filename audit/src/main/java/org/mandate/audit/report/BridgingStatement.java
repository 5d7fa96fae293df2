package org.mandate.audit.report;

import java.util.List;
import java.util.Objects;

/**
 * A deliberation statement that found support across opinion groups, with each group's votes on it. The
 * report lists the statements ranked highest by bridging consensus (every group must agree for a
 * statement to rank high), so what it shows is common ground, not the loudest group's view.
 *
 * @param consensus group-informed consensus as the deliberation service ranked it (product of the groups' smoothed agreement)
 */
public record BridgingStatement(long id, String text, double consensus, List<GroupVotes> groups) {

    /** One opinion group's votes on the statement. */
    public record GroupVotes(String group, int members, int agree, int disagree, int pass) {
        public GroupVotes {
            Objects.requireNonNull(group, "group");
            if (members < 0 || agree < 0 || disagree < 0 || pass < 0) throw new IllegalArgumentException("counts are non-negative");
        }

        public int seen() {
            return agree + disagree + pass;
        }

        /** Agreeing share of the group's votes on the statement; null when nobody in the group voted on it. */
        public Double agreement() {
            return seen() == 0 ? null : (double) agree / seen();
        }
    }

    public BridgingStatement {
        Objects.requireNonNull(text, "text");
        if (!(consensus >= 0 && consensus <= 1)) throw new IllegalArgumentException("consensus is in [0, 1], got " + consensus);
        groups = List.copyOf(groups);
    }
}

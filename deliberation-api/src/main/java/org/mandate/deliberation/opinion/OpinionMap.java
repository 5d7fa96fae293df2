package org.mandate.deliberation.opinion;

import java.util.List;

/**
 * The result of analysing a panel's statement votes: participants' positions, the opinion groups, and
 * every statement's standing ordered by group-informed consensus (highest first; statements without any
 * vote yet come after all voted ones). {@code k} is the number
 * of groups and {@code silhouette} the score that chose it (0 when there was nothing to choose).
 */
public record OpinionMap(List<ParticipantPosition> participants, List<OpinionGroup> groups, List<StatementStanding> consensus,
                         int k, double silhouette) {

    public OpinionMap {
        participants = List.copyOf(participants);
        groups = List.copyOf(groups);
        consensus = List.copyOf(consensus);
    }
}

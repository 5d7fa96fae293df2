package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.FloorBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.mandate.Bound;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FloorRuleTest {

    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty", "provider_fairness");

    @Test
    void aStrictMajorityMedianSetsFloorsAndCeilings() {
        // Five ballots, k = 3. Novelty: proposals 9, 8, 7, 6 → third most demanding is 7.
        // Exposure distance (minimised): 0.1, 0.3, 0.2 → third lowest is 0.3, a ceiling.
        // Relevance: two proposals only → no majority, no floor.
        List<FloorBallot> ballots = List.of(
                FloorBallot.of("a", Map.of("novelty", 9, "provider_fairness", 0.1, "relevance", 0.3)),
                FloorBallot.of("b", Map.of("novelty", 8, "provider_fairness", 0.3)),
                FloorBallot.of("c", Map.of("novelty", 7, "provider_fairness", 0.2, "relevance", 0.2)),
                FloorBallot.of("d", Map.of("novelty", 6)),
                FloorBallot.of("e", Map.of()));
        List<Bound> bounds = new FloorRule().tally(ballots, MENU);
        assertEquals(List.of(new Bound("novelty", Bound.Kind.FLOOR, 7), new Bound("provider_fairness", Bound.Kind.CEILING, 0.3)), bounds);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new FloorRule().tally(List.of(), MENU));
        assertEquals(BallotRejected.Reason.UNKNOWN_OBJECTIVE,
                assertThrows(BallotRejected.class, () -> FloorBallot.of("a", Map.of("watch_time", 1))).reason());
        assertEquals(BallotRejected.Reason.UNKNOWN_OBJECTIVE, assertThrows(BallotRejected.class,
                () -> new FloorRule().tally(List.of(FloorBallot.of("a", Map.of("novelty", 1))), ObjectiveMenu.of("relevance"))).reason());
        assertEquals(BallotRejected.Reason.NOT_FINITE,
                assertThrows(BallotRejected.class, () -> FloorBallot.of("a", Map.of("novelty", Double.NaN))).reason());
    }
}

package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.ApprovalBallot;
import org.mandate.objectives.ballot.BallotRejected;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ApprovalRuleTest {

    static final List<String> ITEMS = List.of("forbid:age", "floor:novelty>=0.2");

    @Test
    void quorumAndStrictMajority() {
        // Electorate 10. forbid:age: 4 yes, 2 no → 6 ≥ 5 (quorum ½) and 4 > 3 → passes.
        // floor:novelty: 2 yes, 2 no → 4 < 5 → quorum not met, even before the 2:2 tie.
        List<ApprovalBallot> ballots = List.of(
                ApprovalBallot.of("a", Map.of("forbid:age", true, "floor:novelty>=0.2", true)),
                ApprovalBallot.of("b", Map.of("forbid:age", true, "floor:novelty>=0.2", true)),
                ApprovalBallot.of("c", Map.of("forbid:age", true, "floor:novelty>=0.2", false)),
                ApprovalBallot.of("d", Map.of("forbid:age", true, "floor:novelty>=0.2", false)),
                ApprovalBallot.of("e", Map.of("forbid:age", false)),
                ApprovalBallot.of("f", Map.of("forbid:age", false)));
        ApprovalResult r = new ApprovalRule(0.5, 0.5).tally(ITEMS, 10, ballots);
        ApprovalResult.ItemOutcome age = r.item("forbid:age");
        assertEquals(4, age.yes());
        assertEquals(2, age.no());
        assertEquals(4, age.abstained());
        assertTrue(age.quorumMet());
        assertTrue(age.passed());
        ApprovalResult.ItemOutcome floor = r.item("floor:novelty>=0.2");
        assertFalse(floor.quorumMet());
        assertFalse(floor.passed());
        // Quorum lowered: the 2:2 tie still fails, a simple majority is strict.
        assertFalse(new ApprovalRule(0.3, 0.5).tally(ITEMS, 10, ballots).item("floor:novelty>=0.2").passed());
        // The same ballots in any order give the byte-identical result.
        List<ApprovalBallot> reversed = new java.util.ArrayList<>(ballots);
        java.util.Collections.reverse(reversed);
        assertEquals(r.canonicalJson(), new ApprovalRule(0.5, 0.5).tally(ITEMS, 10, reversed).canonicalJson());
        // A two-thirds supermajority: 4 of 6 is not above 0.67.
        assertFalse(new ApprovalRule(0.5, 0.67).tally(ITEMS, 10, ballots).item("forbid:age").passed());
    }

    @Test
    void delegatedWeightsCount() {
        List<ApprovalBallot> ballots = List.of(
                ApprovalBallot.of("delegate", Map.of("forbid:age", false)),
                ApprovalBallot.of("x", Map.of("forbid:age", true)),
                ApprovalBallot.of("y", Map.of("forbid:age", true)));
        ApprovalResult r = new ApprovalRule(0.5, 0.5).tally(ITEMS, 6, ballots, VotingRights.of(Map.of("delegate", 3)));
        assertEquals(3, r.item("forbid:age").no());
        assertFalse(r.item("forbid:age").passed());
    }

    @Test
    void badInput() {
        ApprovalRule rule = new ApprovalRule(0.5, 0.5);
        assertEquals(BallotRejected.Reason.UNKNOWN_OPTION, assertThrows(BallotRejected.class,
                () -> rule.tally(ITEMS, 10, List.of(ApprovalBallot.of("a", Map.of("watch_time", true))))).reason());
        assertThrows(IllegalArgumentException.class, () -> rule.tally(ITEMS, 1, List.of(
                ApprovalBallot.of("a", Map.of("forbid:age", true)), ApprovalBallot.of("b", Map.of("forbid:age", true)))));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalRule(1.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalRule(0.5, 1));
        assertEquals(BallotRejected.Reason.EMPTY, assertThrows(BallotRejected.class, () -> ApprovalBallot.of("a", Map.of())).reason());
        // No ballots at all: a documented result, not an error: every item misses a positive quorum.
        ApprovalResult none = rule.tally(ITEMS, 10, List.of());
        assertFalse(none.item("forbid:age").quorumMet());
        assertEquals(10, none.item("forbid:age").abstained());
    }
}

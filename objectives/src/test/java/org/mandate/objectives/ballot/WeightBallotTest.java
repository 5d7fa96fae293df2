package org.mandate.objectives.ballot;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightBallotTest {

    @Test
    void pointsBecomeWeights() {
        WeightBallot b = WeightBallot.ofPoints("v1", Map.of("relevance", 50, "novelty", 30, "provider_fairness", 20));
        assertEquals(0.3, b.weight("novelty"), 1e-15);
        assertEquals(0.0, b.weight("coverage"));
        assertEquals("{\"voter\":\"v1\",\"weights\":{\"novelty\":0.3,\"provider_fairness\":0.2,\"relevance\":0.5}}", b.canonicalJson());
    }

    @Test
    void eachKindOfBadBallotHasItsReason() {
        assertReason(BallotRejected.Reason.NEGATIVE, () -> WeightBallot.ofPoints("v", Map.of("relevance", 120, "novelty", -20)));
        assertReason(BallotRejected.Reason.NOT_FINITE, () -> WeightBallot.ofPoints("v", Map.of("relevance", Double.NaN)));
        assertReason(BallotRejected.Reason.NOT_FINITE, () -> WeightBallot.ofPoints("v", Map.of("relevance", Double.POSITIVE_INFINITY)));
        assertReason(BallotRejected.Reason.NOT_NORMALISED, () -> WeightBallot.ofPoints("v", Map.of("relevance", 50, "novelty", 30)));
        assertReason(BallotRejected.Reason.NOT_NORMALISED, () -> new WeightBallot("v", new TreeMap<>(Map.of("relevance", 0.7))));
        assertReason(BallotRejected.Reason.EMPTY, () -> WeightBallot.ofPoints("v", Map.of()));
        assertReason(BallotRejected.Reason.MISSING_VOTER, () -> WeightBallot.ofPoints(" ", Map.of("relevance", 100)));
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("relevance", null);
        assertReason(BallotRejected.Reason.NOT_FINITE, () -> WeightBallot.ofPoints("v", withNull));
        assertReason(BallotRejected.Reason.UNKNOWN_OBJECTIVE,
                () -> ObjectiveMenu.of("relevance", "novelty").admit(WeightBallot.ofPoints("v", Map.of("relevance", 50, "watch_time", 50))));
    }

    @Test
    void menuFollowsCatalogueOrderAndRejectsUnknownIds() {
        assertEquals(java.util.List.of("relevance", "novelty"), ObjectiveMenu.of("novelty", "relevance").objectives());
        assertThrows(IllegalArgumentException.class, () -> ObjectiveMenu.of("relevance", "relevance"));
        assertThrows(IllegalArgumentException.class, () -> ObjectiveMenu.of("watch_time"));
    }

    private static void assertReason(BallotRejected.Reason reason, Runnable action) {
        BallotRejected e = assertThrows(BallotRejected.class, action::run);
        assertEquals(reason, e.reason(), e.getMessage());
    }
}

package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class VotingRightsTest {

    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty");

    @Test
    void capLowersTheLargestRightsToACommonLevel() {
        // Rights 10, 1, 1 with a cap of 1/2: the big right drops to c = ½·2/(1 − ½) = 2 → shares ½, ¼, ¼.
        VotingRights rights = VotingRights.of(Map.of("a", 10, "b", 1, "c", 1)).withCap(0.5);
        assertArrayEquals(new double[]{2, 1, 1}, rights.vector(List.of("a", "b", "c")), 1e-12);
        // Two large rights, cap 0.3: both capped at c = 0.3·3/(1 − 0.6) = 2.25.
        VotingRights two = VotingRights.of(Map.of("a", 10, "b", 5, "c", 1, "d", 1, "e", 1)).withCap(0.3);
        assertArrayEquals(new double[]{2.25, 2.25, 1, 1, 1}, two.vector(List.of("a", "b", "c", "d", "e")), 1e-12);
        // Already below the cap: unchanged. Unlisted voters count 1.
        assertArrayEquals(new double[]{1, 1, 1}, VotingRights.equal().withCap(0.4).vector(List.of("x", "y", "z")), 0);
    }

    @Test
    void anInfeasibleCapOrBadRightIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> VotingRights.equal().withCap(0.3).vector(List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> VotingRights.equal().withCap(0));
        assertThrows(IllegalArgumentException.class, () -> VotingRights.of(Map.of("a", -1)));
        assertThrows(IllegalArgumentException.class, () -> VotingRights.of(Map.of("a", Double.NaN)));
    }

    @Test
    void equalRightsGiveTheSameRecordAndUnequalRightsAreRecorded() {
        List<WeightBallot> ballots = List.of(
                WeightBallot.ofPoints("a", Map.of("relevance", 100)),
                WeightBallot.ofPoints("b", Map.of("novelty", 100)),
                WeightBallot.ofPoints("c", Map.of("novelty", 100)));
        TallyRecord plain = Tally.run(ballots, MENU, new MeanRule());
        assertEquals(plain.canonicalJson(), Tally.run(ballots, MENU, new MeanRule(), VotingRights.equal()).canonicalJson());
        TallyRecord weighted = Tally.run(ballots, MENU, new MeanRule(), VotingRights.of(Map.of("a", 2)));
        assertEquals(0.5, weighted.weights().get("relevance"), 1e-12);
        assertTrue(weighted.canonicalJson().contains("\"voting_rights\":{\"effective\":{\"a\":2,\"b\":1,\"c\":1},\"max_share\":1}"),
                weighted.canonicalJson());
        // A capped right: a holds at most 40 % → right 4/3 against 1 and 1.
        TallyRecord capped = Tally.run(ballots, MENU, new MeanRule(), VotingRights.of(Map.of("a", 10)).withCap(0.4));
        assertEquals(0.4, capped.weights().get("relevance"), 1e-12);
    }

    @Test
    void rulesWithoutAWeightedFormWouldNeverIgnoreRights() {
        // Every rule defines its weighted form; the phantom rules accept whole numbers only.
        for (String id : WeightRule.IDS) {
            WeightRule rule = WeightRule.byId(id);
            double[] out = rule.aggregate(new double[][]{{1, 0}, {0, 1}}, new double[]{2, 1});
            assertTrue(out[0] >= out[1], id + " should favour the voter of right 2: " + out[0] + " vs " + out[1]);
        }
    }
}

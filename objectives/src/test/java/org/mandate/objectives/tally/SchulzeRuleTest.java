package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.RankingBallot;
import org.mandate.objectives.testing.RandomCases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class SchulzeRuleTest {

    static final List<String> ABCDE = List.of("A", "B", "C", "D", "E");

    /** The 45-voter example of the Schulze method (Schulze 2011, example 1; also on Wikipedia). */
    static List<RankingBallot> fortyFiveVoters() {
        List<RankingBallot> ballots = new ArrayList<>();
        add(ballots, 5, "ACBED");
        add(ballots, 5, "ADECB");
        add(ballots, 8, "BEDAC");
        add(ballots, 3, "CABED");
        add(ballots, 7, "CAEBD");
        add(ballots, 2, "CBADE");
        add(ballots, 7, "DCEBA");
        add(ballots, 8, "EBADC");
        return ballots;
    }

    private static void add(List<RankingBallot> ballots, int count, String order) {
        for (int i = 0; i < count; i++) ballots.add(RankingBallot.of(order + "-" + i, order.split("")));
    }

    @Test
    void publishedFortyFiveVoterExample() {
        SchulzeResult r = new SchulzeRule(null).tally(ABCDE, fortyFiveVoters());
        long[][] d = {
                {0, 20, 26, 30, 22},
                {25, 0, 16, 33, 18},
                {19, 29, 0, 17, 24},
                {15, 12, 28, 0, 14},
                {23, 27, 21, 31, 0}};
        long[][] p = {
                {0, 28, 28, 30, 24},
                {25, 0, 28, 33, 24},
                {25, 29, 0, 29, 24},
                {25, 28, 28, 0, 24},
                {25, 28, 28, 31, 0}};
        assertArrayEquals(d, r.pairwise());
        assertArrayEquals(p, r.strongestPaths());
        assertEquals("E", r.winner());
        assertEquals(List.of("E"), r.potentialWinners());
        assertEquals(List.of(List.of("E"), List.of("A"), List.of("C"), List.of("B"), List.of("D")), r.ranking());
        assertEquals(45, r.ballotCount());
    }

    @Test
    void statusQuoIsKeptOnATieAndWhenNoProposalBeatsItDirectly() {
        // A Condorcet cycle SQ > X (5:4), X > Y (6:3), Y > SQ (7:2). X beats SQ through Y (strength 6 vs 5)
        // and is the Schulze winner, but four voters prefer X to SQ and five SQ to X.
        List<RankingBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 4; i++) ballots.add(RankingBallot.of("a" + i, "X", "Y", "SQ"));
        for (int i = 0; i < 3; i++) ballots.add(RankingBallot.of("b" + i, "Y", "SQ", "X"));
        for (int i = 0; i < 2; i++) ballots.add(RankingBallot.of("c" + i, "SQ", "X", "Y"));
        List<String> cands = List.of("SQ", "X", "Y");
        SchulzeResult strict = new SchulzeRule("SQ").tally(cands, ballots);
        assertEquals(List.of("X"), strict.potentialWinners());
        assertEquals("SQ", strict.winner());
        assertTrue(strict.statusQuoKept());
        SchulzeResult lenient = new SchulzeRule("SQ", false).tally(cands, ballots);
        assertEquals("X", lenient.winner());
        assertFalse(lenient.statusQuoKept());

        // A tie between the status quo and a proposal keeps the status quo.
        List<RankingBallot> tie = List.of(RankingBallot.of("u", "SQ", "X"), RankingBallot.of("v", "X", "SQ"));
        SchulzeResult tied = new SchulzeRule("SQ").tally(List.of("X", "SQ"), tie);
        assertEquals(List.of("X", "SQ"), tied.potentialWinners());
        assertEquals("SQ", tied.winner());
        // Without a status quo the tie goes to candidate order, and is visible in potentialWinners.
        assertEquals("X", new SchulzeRule(null).tally(List.of("X", "SQ"), tie).winner());

        // A proposal that a majority prefers wins against the status quo.
        List<RankingBallot> beaten = List.of(RankingBallot.of("u", "X", "SQ"), RankingBallot.of("v", "X", "SQ"), RankingBallot.of("w", "SQ", "X"));
        SchulzeResult win = new SchulzeRule("SQ").tally(List.of("SQ", "X"), beaten);
        assertEquals("X", win.winner());
        assertFalse(win.statusQuoKept());
    }

    @Test
    void tiesAndUnrankedProposals() {
        // Unranked proposals tie below the ranked ones; tiers tie inside.
        RankingBallot b = new RankingBallot("v", List.of(List.of("B", "A")));
        long[][] d = SchulzeRule.pairwise(List.of("A", "B", "C"), List.of(b));
        assertArrayEquals(new long[][]{{0, 0, 1}, {0, 0, 1}, {0, 0, 0}}, d);
    }

    @Test
    void badInputIsRefused() {
        SchulzeRule rule = new SchulzeRule("SQ");
        assertThrows(IllegalArgumentException.class, () -> rule.tally(List.of("SQ", "X"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> rule.tally(List.of("X"), List.of(RankingBallot.of("v", "X"))));
        BallotRejected unknown = assertThrows(BallotRejected.class, () -> rule.tally(List.of("SQ", "X"), List.of(RankingBallot.of("v", "Z"))));
        assertEquals(BallotRejected.Reason.UNKNOWN_OPTION, unknown.reason());
        assertEquals(BallotRejected.Reason.DUPLICATE, assertThrows(BallotRejected.class, () -> RankingBallot.of("v", "X", "X")).reason());
        assertEquals(BallotRejected.Reason.EMPTY, assertThrows(BallotRejected.class, () -> RankingBallot.of("v")).reason());
        assertThrows(IllegalArgumentException.class,
                () -> rule.tally(List.of("SQ", "X"), List.of(RankingBallot.of("v", "X"), RankingBallot.of("v", "SQ"))));
    }

    @Test
    void sameBallotsInAnyOrderGiveTheByteIdenticalResult() {
        List<RankingBallot> ballots = fortyFiveVoters();
        String first = new SchulzeRule("A").tally(ABCDE, ballots).canonicalJson();
        Collections.shuffle(ballots, new Random(1));
        assertEquals(first, new SchulzeRule("A").tally(ABCDE, ballots).canonicalJson());
        assertTrue(first.contains("\"rule\":\"schulze\""));
    }

    /** Condorcet consistency: a proposal that beats every other head to head wins, status quo or not. */
    @Test
    void condorcetConsistency() {
        RandomCases.forAll("condorcetConsistency", 300, c -> {
            int candidates = c.intIn("c", 2, 6), voters = c.intIn("voters", 1, 25);
            Random random = c.random();
            List<String> cands = new ArrayList<>();
            for (int i = 0; i < candidates; i++) cands.add("p" + i);
            List<RankingBallot> ballots = c.input("ballots", new ArrayList<>());
            for (int v = 0; v < voters; v++) {
                List<String> order = new ArrayList<>(cands);
                Collections.shuffle(order, random);
                int ranked = 1 + random.nextInt(candidates);
                List<List<String>> tiers = new ArrayList<>();
                for (int i = 0; i < ranked; i++) {
                    if (!tiers.isEmpty() && random.nextInt(4) == 0) {
                        List<String> last = new ArrayList<>(tiers.removeLast());
                        last.add(order.get(i));
                        tiers.add(last);
                    } else tiers.add(List.of(order.get(i)));
                }
                ballots.add(new RankingBallot("v" + v, tiers));
            }
            long[][] d = c.input("pairwise", SchulzeRule.pairwise(cands, ballots));
            String statusQuo = c.input("statusQuo", random.nextBoolean() ? null : cands.get(random.nextInt(candidates)));
            SchulzeResult result = new SchulzeRule(statusQuo).tally(cands, ballots);
            for (int x = 0; x < candidates; x++) {
                boolean condorcet = true;
                for (int y = 0; y < candidates; y++) if (y != x && d[x][y] <= d[y][x]) condorcet = false;
                if (condorcet) {
                    assertEquals(cands.get(x), result.winner(), "Condorcet winner");
                    assertEquals(List.of(cands.get(x)), result.potentialWinners(), "potential winners");
                }
            }
            assertTrue(cands.contains(result.winner()), "winner " + result.winner());
        });
    }
}

package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyTest {

    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty", "provider_fairness");

    @Test
    void meanAndIndependentMarketsDifferWhenOneVoterExaggerates() {
        double[][] profile = {{0.5, 0.5}, {0.5, 0.5}, {1.0, 0.0}};
        assertArrayEquals(new double[]{2.0 / 3, 1.0 / 3}, new MeanRule().aggregate(profile), 1e-12);
        // Hand computation: at t = 1/4 the phantoms are 3/4, 1/2, 1/4, 0; the medians of
        // {.5,.5,1,.75,.5,.25,0} and {.5,.5,0,.75,.5,.25,0} are .5 and .5, which sum to 1.
        assertArrayEquals(new double[]{0.5, 0.5}, new IndependentMarketsRule().aggregate(profile), 1e-9);
    }

    @Test
    void independentMarketsIsProportionalForSingleMindedVoters() {
        double[][] profile = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}};
        assertArrayEquals(new double[]{0.75, 0.25, 0}, new IndependentMarketsRule().aggregate(profile), 1e-9);
    }

    @Test
    void unanimousProfilesReturnTheCommonBallot() {
        double[] w = {0.2, 0.3, 0.5};
        double[][] profile = {w, w, w, w};
        assertArrayEquals(w, new IndependentMarketsRule().aggregate(profile), 1e-9);
        assertArrayEquals(w, new MeanRule().aggregate(profile), 1e-12);
    }

    @Test
    void independentMarketsResistsTheExaggerationThatMovesTheMean() {
        // Voter 3's true ideal is (0.7, 0.3). Exaggerating to (1, 0) pulls the mean towards them ...
        double[][] truthful = {{0.5, 0.5}, {0.4, 0.6}, {0.7, 0.3}};
        double[][] lying = {{0.5, 0.5}, {0.4, 0.6}, {1.0, 0.0}};
        double[] ideal = {0.7, 0.3};
        assertTrue(l1(new MeanRule().aggregate(lying), ideal) < l1(new MeanRule().aggregate(truthful), ideal));
        // ... but not the independent-markets outcome.
        assertTrue(l1(new IndependentMarketsRule().aggregate(lying), ideal)
                >= l1(new IndependentMarketsRule().aggregate(truthful), ideal) - 1e-9);
    }

    @Test
    void outputStaysOnTheSimplexForRandomProfiles() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(30), m = 2 + random.nextInt(5);
            double[][] profile = new double[n][m];
            for (double[] row : profile) {
                double sum = 0;
                for (int j = 0; j < m; j++) { row[j] = random.nextDouble() < 0.3 ? 0 : random.nextDouble(); sum += row[j]; }
                if (sum == 0) { row[0] = 1; sum = 1; }
                for (int j = 0; j < m; j++) row[j] /= sum;
            }
            for (WeightRule rule : List.of(new MeanRule(), new IndependentMarketsRule())) {
                double[] out = rule.aggregate(profile);
                double sum = 0;
                for (double x : out) { assertTrue(x >= 0 && Double.isFinite(x)); sum += x; }
                assertEquals(1.0, sum, 1e-12, rule.id());
            }
        }
    }

    @Test
    void sameBallotsInAnyOrderGiveTheByteIdenticalRecord() {
        List<WeightBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ballots.add(WeightBallot.ofPoints("voter-" + i, Map.of("relevance", 40 + i, "novelty", 30, "provider_fairness", 30 - i)));
        }
        String first = Tally.run(ballots, MENU, new IndependentMarketsRule()).canonicalJson();
        Collections.shuffle(ballots, new Random(3));
        assertEquals(first, Tally.run(ballots, MENU, new IndependentMarketsRule()).canonicalJson());
        assertTrue(first.contains("\"rule\":\"independent_markets\""));
    }

    @Test
    void tallyRefusesEmptyProfilesDuplicatesAndUnknownRules() {
        assertThrows(IllegalArgumentException.class, () -> Tally.run(List.of(), MENU, new MeanRule()));
        WeightBallot b = WeightBallot.ofPoints("v", Map.of("relevance", 100));
        assertThrows(IllegalArgumentException.class, () -> Tally.run(List.of(b, b), MENU, new MeanRule()));
        assertThrows(IllegalArgumentException.class, () -> WeightRule.byId("borda"));
        WeightBallot offMenu = WeightBallot.ofPoints("w", Map.of("relevance", 100));
        BallotRejected e = assertThrows(BallotRejected.class,
                () -> Tally.run(List.of(offMenu), ObjectiveMenu.of("novelty"), new MeanRule()));
        assertEquals(BallotRejected.Reason.UNKNOWN_OBJECTIVE, e.reason());
    }

    private static double l1(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += Math.abs(a[i] - b[i]);
        return d;
    }
}

package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.ComparisonBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.Slate;
import org.mandate.objectives.ballot.SlateComparison;
import org.mandate.objectives.ballot.WeightBallot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class BradleyTerryFitTest {

    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty", "provider_fairness");

    static Slate slate(String id, double relevance, double novelty, double exposureDistance) {
        return new Slate(id, null, new TreeMap<>(Map.of("relevance", relevance, "novelty", novelty, "provider_fairness", exposureDistance)));
    }

    static List<Slate> pool(Random random, int size) {
        List<Slate> slates = new ArrayList<>();
        for (int i = 0; i < size; i++) slates.add(slate("s" + i, random.nextDouble(), random.nextDouble(), random.nextDouble()));
        return slates;
    }

    /** A simulated voter with utility u = Σ_j w_j·(better-is-larger metric), answering on the −10…10 scale. */
    static ComparisonBallot simulate(String voter, double[] w, List<Slate> slates, int count, Random random) {
        List<SlateComparison> comparisons = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Slate a = slates.get(random.nextInt(slates.size())), b;
            do b = slates.get(random.nextInt(slates.size())); while (b == a);
            double gain = w[0] * (b.metric("relevance") - a.metric("relevance"))
                    + w[1] * (b.metric("novelty") - a.metric("novelty"))
                    - w[2] * (b.metric("provider_fairness") - a.metric("provider_fairness"));
            int preference = (int) Math.round(10 * Math.tanh(4 * gain + 0.3 * random.nextGaussian()));
            comparisons.add(new SlateComparison(a, b, preference));
        }
        return new ComparisonBallot(voter, comparisons);
    }

    @Test
    void recoversTheImplicitWeightsOfASimulatedVoterWithShrinkingUncertainty() {
        Random random = new Random(21);
        List<Slate> slates = pool(random, 30);
        BradleyTerryFit fit = BradleyTerryFit.withScalesFrom(slates, MENU, BradleyTerryFit.DEFAULT_REGULARISATION);
        double[] truth = {0.6, 0.3, 0.1};
        PreferenceFit few = fit.fit(simulate("v", truth, slates, 15, random), MENU);
        PreferenceFit many = fit.fit(simulate("v", truth, slates, 400, random), MENU);
        assertFalse(many.indifferent());
        assertEquals(0.6, many.weights().get("relevance"), 0.1);
        assertEquals(0.3, many.weights().get("novelty"), 0.1);
        assertEquals(0.1, many.weights().get("provider_fairness"), 0.1);
        assertTrue(many.weights().get("relevance") > many.weights().get("novelty"));
        assertTrue(many.weights().get("novelty") > many.weights().get("provider_fairness"));
        // A minimised objective (exposure distance) gets a positive coefficient when less is preferred.
        assertTrue(many.coefficients().get("provider_fairness") > 0);
        for (String id : MENU.objectives()) {
            assertTrue(many.coefficientStdErrors().get(id) < few.coefficientStdErrors().get(id), id);
            assertTrue(Double.isFinite(many.weightStdErrors().get(id)));
        }
        assertEquals(400, many.comparisons());
    }

    @Test
    void contradictoryComparisonsMakeAnIndifferentVoterNotNaN() {
        Slate a = slate("a", 0.2, 0.5, 0.3), b = slate("b", 0.8, 0.1, 0.6);
        ComparisonBallot ballot = new ComparisonBallot("v", List.of(new SlateComparison(a, b, 10), new SlateComparison(a, b, -10)));
        PreferenceFit fit = BradleyTerryFit.withScalesFrom(List.of(a, b), MENU, 0.1).fit(ballot, MENU);
        assertTrue(fit.indifferent());
        for (String id : MENU.objectives()) {
            assertEquals(1 / 3.0, fit.weights().get(id), 1e-12);
            assertEquals(0, fit.coefficients().get(id), 1e-9);
            assertTrue(Double.isFinite(fit.coefficientStdErrors().get(id)));
        }
        assertTrue(fit.weightStdErrors().isEmpty());
        assertFalse(fit.canonicalJson().contains("NaN"));
        // An indifferent voter still casts a valid weight ballot.
        assertEquals(1, fit.toBallot().weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void fittedVotersAreAggregatedLikeWeightBallots() {
        Random random = new Random(8);
        List<Slate> slates = pool(random, 20);
        BradleyTerryFit fit = BradleyTerryFit.withScalesFrom(slates, MENU, 0.1);
        List<WeightBallot> ballots = new ArrayList<>();
        double[][] truths = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.7, 0.2, 0.1}};
        for (int v = 0; v < truths.length; v++) ballots.add(fit.fit(simulate("v" + v, truths[v], slates, 200, random), MENU).toBallot());
        TallyRecord record = Tally.run(ballots, MENU, new IndependentMarketsRule());
        assertTrue(record.weights().get("relevance") > record.weights().get("novelty"));
    }

    @Test
    void comparisonTallyRecordsTheModelTheFitsAndTheWeightTally() {
        Random random = new Random(13);
        List<Slate> slates = pool(random, 20);
        BradleyTerryFit fit = BradleyTerryFit.withScalesFrom(slates, MENU, 0.1);
        List<ComparisonBallot> ballots = new ArrayList<>();
        ballots.add(simulate("b", new double[]{0.2, 0.7, 0.1}, slates, 60, random));
        ballots.add(simulate("a", new double[]{0.8, 0.1, 0.1}, slates, 60, random));
        ballots.add(simulate("c", new double[]{0.5, 0.4, 0.1}, slates, 60, random));
        ComparisonTally result = ComparisonTally.run(ballots, MENU, fit, new UtilitarianPhantomsRule());
        assertEquals(List.of("a", "b", "c"), result.fits().stream().map(PreferenceFit::voter).toList());
        assertEquals(3, result.tally().ballotCount());
        assertEquals(BradleyTerryFit.ID, result.model().get("id"));
        java.util.Collections.reverse(ballots);
        assertEquals(result.canonicalJson(), ComparisonTally.run(ballots, MENU, fit, new UtilitarianPhantomsRule()).canonicalJson());
    }

    @Test
    void badInput() {
        assertEquals(BallotRejected.Reason.EMPTY, assertThrows(BallotRejected.class, () -> new ComparisonBallot("v", List.of())).reason());
        Slate a = slate("a", 0, 0, 0), b = slate("b", 1, 1, 1);
        assertEquals(BallotRejected.Reason.OUT_OF_RANGE, assertThrows(BallotRejected.class, () -> new SlateComparison(a, b, 11)).reason());
        assertEquals(BallotRejected.Reason.DUPLICATE, assertThrows(BallotRejected.class, () -> new SlateComparison(a, a, 1)).reason());
        Slate partial = new Slate("p", null, new TreeMap<>(Map.of("relevance", 0.5)));
        assertThrows(IllegalArgumentException.class, () -> BradleyTerryFit.withScalesFrom(List.of(a, partial), MENU, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new BradleyTerryFit(0, new TreeMap<>()));
        assertEquals(BallotRejected.Reason.NOT_FINITE, assertThrows(BallotRejected.class,
                () -> new Slate("n", null, new TreeMap<>(Map.of("relevance", Double.NaN)))).reason());
    }
}

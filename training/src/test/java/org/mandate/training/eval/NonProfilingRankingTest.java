package org.mandate.training.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.NonProfilingRanking.Exclusion;
import org.mandate.training.split.HoldoutSplit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonProfilingRankingTest {

    private static final Mandate VOTED = new Mandate(
            new TreeMap<>(Map.of(Relevance.ID, 0.4, Novelty.ID, 0.3, ProviderFairness.ID, 0.3)),
            List.of(), DataUseRules.NONE, null, Provenance.baseline("non-profiling test"));

    private InteractionData data;
    private HoldoutSplit split;
    private InteractionData training;

    @BeforeAll
    void data() {
        data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(11).withSize(300, 500));
        split = HoldoutSplit.standard(data, 11);
        training = split.trainingData(data);
    }

    @Test
    void usersWithDifferentHistoriesGetTheSameList() {
        NonProfilingRanking r = new NonProfilingRanking(training, VOTED, Exclusion.NONE);
        int[] top = r.recommend(new int[0], 10);
        int[] heavy = Arrays.copyOf(top, 5);   // has watched half of the shared top ten
        int[] other = {1, 2, 3, 250, 299};
        assertArrayEquals(top, r.recommend(heavy, 10), "without exclusion, seen items stay in the list");
        assertArrayEquals(top, r.recommend(other, 10));
        double[][] s = r.scores(new int[][]{heavy, other});
        assertArrayEquals(s[0], s[1]);
        assertArrayEquals(Arrays.copyOf(r.ranking(), 10), top);
    }

    @Test
    void excludingConsumedItemsIsAnExplicitChoiceThatOnlySkipsThem() {
        NonProfilingRanking shared = new NonProfilingRanking(training, VOTED, Exclusion.NONE);
        NonProfilingRanking skipping = new NonProfilingRanking(training, VOTED, Exclusion.CONSUMED);
        assertArrayEquals(shared.ranking(), skipping.ranking(), "the exclusion never changes the ranking itself");
        int[] ranking = shared.ranking();
        int[] seen = {ranking[0], ranking[3], ranking[4]};
        int[] expected = {ranking[1], ranking[2], ranking[5], ranking[6], ranking[7]};
        assertArrayEquals(expected, skipping.recommend(seen, 5));
        assertEquals("consumed", skipping.toJson().get("exclusion"));
    }

    @Test
    void relevanceAloneIsTheMostPopularOrder() {
        NonProfilingRanking r = new NonProfilingRanking(training, Mandate.relevanceOnly(), Exclusion.NONE);
        double[] popular = new MostPopular(training).scores(new int[1][])[0];
        int[] expected = Evaluator.topK(popular, new int[0], popular.length);
        assertArrayEquals(expected, r.ranking());
        assertEquals(List.of(), r.ignoredObjectives());
    }

    @Test
    void theMandateMovesTheSharedListTowardsItsObjectives() {
        Evaluator evaluator = new Evaluator(training.features(), 10);
        Evaluation popular = evaluator.evaluate(new NonProfilingRanking(training, Mandate.relevanceOnly(), Exclusion.CONSUMED),
                split, new TreeMap<>());
        NonProfilingRanking voted = new NonProfilingRanking(training, VOTED, Exclusion.CONSUMED);
        Evaluation mandated = evaluator.evaluate(voted, split, new TreeMap<>());
        assertTrue(mandated.value(Novelty.ID) > popular.value(Novelty.ID) + 0.3,
                "self-information " + mandated.value(Novelty.ID) + " vs " + popular.value(Novelty.ID));
        assertTrue(mandated.value(ProviderFairness.ID) < popular.value(ProviderFairness.ID) - 0.05,
                "exposure distance " + mandated.value(ProviderFairness.ID) + " vs " + popular.value(ProviderFairness.ID));
        assertArrayEquals(voted.ranking(), new NonProfilingRanking(training, VOTED, Exclusion.CONSUMED).ranking(), "deterministic");
        assertEquals(Map.of(Relevance.ID, 0.4, Novelty.ID, 0.3, ProviderFairness.ID, 0.3), voted.appliedWeights());
    }
}

package org.mandate.training.serve;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Personalisation;
import org.mandate.objectives.mandate.PersonalWeights;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.UserLists;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Serving a really trained (small) DL4J model under personal weights. */
class RecommenderTest {

    private static final long SEED = 11;
    private static final int K = 10;
    private static final Mandate VOTED = new Mandate(new TreeMap<>(Map.of(Relevance.ID, 0.6, Novelty.ID, 0.2, ProviderFairness.ID, 0.2)),
            null, null, null, null).withPersonalisation(new Personalisation(0.4, Set.of()));

    private static InteractionData data;
    private static HoldoutSplit split;
    private static InteractionData training;
    private static TrainingResult result;
    private static Recommender serving;

    @BeforeAll
    static void train() {
        data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(SEED).withSize(300, 900));
        split = HoldoutSplit.standard(data, SEED);
        training = split.trainingData(data);
        result = TrainingRun.execute(data, split, VOTED, new TrainerConfig(48, 5, 200, 3e-3, 0.5, SEED, K, 5), ProgressListener.NONE);
        serving = new Recommender(result.model(), VOTED, training, 150, SEED);
    }

    private static List<UserLists> lists(Map<String, Double> weights) {
        List<UserLists> out = new ArrayList<>();
        for (int j = 0; j < split.heldOutUsers().length; j++) {
            int[] history = split.foldIn()[j];
            Recommendation r = serving.recommend(RecommendationRequest.personal(history, weights, K));
            assertEquals(K, r.items().length);
            for (int i : r.items()) assertFalse(Arrays.stream(history).anyMatch(h -> h == i), "a consumed item was recommended");
            out.add(new UserLists(r.items(), split.heldOut()[j], history));
        }
        return out;
    }

    private static double metric(List<UserLists> lists, String objective) {
        EvaluationData d = new EvaluationData(lists, training.features(), K, VOTED.exposureTargets());
        return org.mandate.objectives.catalogue.Catalogue.get(objective).evaluate(d).value();
    }

    /** Mean model log-probability of the listed items: the relevance the model itself expects. */
    private static double expectedRelevance(List<UserLists> lists) {
        double sum = 0;
        int n = 0;
        for (UserLists u : lists) {
            double[] logP = Reranker.logSoftmax(result.model().scores(new int[][] {u.history()})[0], u.history());
            for (int i : u.recommended()) { sum += logP[i]; n++; }
        }
        return sum / n;
    }

    @Test
    void theVotedWeightsGiveTheModelsOwnTopK() {
        List<UserLists> voted = lists(VOTED.weights());
        List<UserLists> unspecified = lists(null);
        for (int j = 0; j < voted.size(); j++) {
            int[] history = split.foldIn()[j];
            int[] own = Evaluator.topK(result.model().scores(new int[][] {history})[0], history, K);
            assertArrayEquals(own, voted.get(j).recommended());
            assertArrayEquals(own, unspecified.get(j).recommended());
        }
    }

    @Test
    void moreWeightOnNoveltyRaisesNoveltyAndLowersRelevance() {
        List<UserLists> voted = lists(VOTED.weights());
        List<UserLists> novel = lists(Map.of(Relevance.ID, 0.3, Novelty.ID, 0.5, ProviderFairness.ID, 0.2));
        double before = metric(voted, Novelty.ID), after = metric(novel, Novelty.ID);
        double ndcgBefore = metric(voted, Relevance.ID), ndcgAfter = metric(novel, Relevance.ID);
        System.out.printf("novelty %.3f -> %.3f bits, ndcg@10 %.4f -> %.4f, expected log p %.3f -> %.3f%n", before, after,
                ndcgBefore, ndcgAfter, expectedRelevance(voted), expectedRelevance(novel));
        assertTrue(after > before + 0.1, "novelty " + before + " -> " + after);
        assertTrue(ndcgAfter < ndcgBefore, "ndcg " + ndcgBefore + " -> " + ndcgAfter);
        assertTrue(expectedRelevance(novel) < expectedRelevance(voted));
        // A smaller move moves less.
        double halfway = metric(lists(Map.of(Relevance.ID, 0.45, Novelty.ID, 0.35, ProviderFairness.ID, 0.2)), Novelty.ID);
        assertTrue(halfway > before && halfway < after, before + " < " + halfway + " < " + after);
    }

    @Test
    void moreWeightOnProviderFairnessReducesTheExposureDistance() {
        double before = metric(lists(VOTED.weights()), ProviderFairness.ID);
        double after = metric(lists(Map.of(Relevance.ID, 0.3, Novelty.ID, 0.2, ProviderFairness.ID, 0.5)), ProviderFairness.ID);
        System.out.printf("exposure distance %.4f -> %.4f%n", before, after);
        assertTrue(after < before, "exposure distance " + before + " -> " + after);
    }

    @Test
    void weightsOutsideTheMandatesBoundsAreRefused() {
        int[] history = split.foldIn()[0];
        WeightsRefused tooFar = assertThrows(WeightsRefused.class, () -> serving.recommend(
                RecommendationRequest.personal(history, Map.of(Relevance.ID, 0.1, Novelty.ID, 0.7, ProviderFairness.ID, 0.2), K)));
        assertEquals(PersonalWeights.Reason.SHIFT_TOO_LARGE, tooFar.reason());
        assertEquals(PersonalWeights.Reason.NOT_ON_SIMPLEX, assertThrows(WeightsRefused.class, () -> serving.recommend(
                RecommendationRequest.personal(history, Map.of(Relevance.ID, 0.5), K))).reason());
        Recommender locked = new Recommender(result.model(), VOTED.withPersonalisation(new Personalisation(0.4, Set.of(ProviderFairness.ID))),
                training, 20, SEED);
        assertEquals(PersonalWeights.Reason.LOCKED_LOWERED, assertThrows(WeightsRefused.class, () -> locked.recommend(
                RecommendationRequest.personal(history, Map.of(Relevance.ID, 0.7, Novelty.ID, 0.2, ProviderFairness.ID, 0.1), K))).reason());
        Recommender closed = new Recommender(result.model(), VOTED.withPersonalisation(null), training, 20, SEED);
        assertEquals(PersonalWeights.Reason.NOT_ALLOWED, assertThrows(WeightsRefused.class, () -> closed.recommend(
                RecommendationRequest.personal(history, Map.of(Relevance.ID, 0.5, Novelty.ID, 0.3, ProviderFairness.ID, 0.2), K))).reason());
        assertThrows(IllegalArgumentException.class, () -> serving.recommend(RecommendationRequest.personal(new int[] {data.itemCount()}, null, K)));
    }

    @Test
    void nonProfilingListsDoNotDependOnTheHistory() {
        int[] a = split.foldIn()[0], b = split.foldIn()[1];
        assertFalse(Arrays.equals(a, b));
        Recommendation first = serving.recommend(new RecommendationRequest(a, null, RecommendationRequest.Mode.NON_PROFILING, K));
        Recommendation second = serving.recommend(new RecommendationRequest(b, null, RecommendationRequest.Mode.NON_PROFILING, K));
        assertArrayEquals(first.items(), second.items());
        assertEquals(K, first.items().length);
        Map<String, Double> novel = Map.of(Relevance.ID, 0.3, Novelty.ID, 0.5, ProviderFairness.ID, 0.2);
        Recommendation third = serving.recommend(new RecommendationRequest(a, new TreeMap<>(novel), RecommendationRequest.Mode.NON_PROFILING, K));
        Recommendation fourth = serving.recommend(new RecommendationRequest(b, new TreeMap<>(novel), RecommendationRequest.Mode.NON_PROFILING, K));
        assertArrayEquals(third.items(), fourth.items());
        assertFalse(Arrays.equals(first.items(), third.items()), "personal weights also move the shared list");
        // The personal lists of the same two users differ: the model does read their histories.
        assertFalse(Arrays.equals(serving.recommend(RecommendationRequest.personal(a, null, K)).items(),
                serving.recommend(RecommendationRequest.personal(b, null, K)).items()));
    }
}

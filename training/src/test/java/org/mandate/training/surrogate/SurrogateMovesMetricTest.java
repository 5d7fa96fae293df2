package org.mandate.training.surrogate;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Calibration;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Coverage;
import org.mandate.objectives.catalogue.Diversity;
import org.mandate.objectives.catalogue.Exploration;
import org.mandate.objectives.catalogue.Fragmentation;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.UserLists;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.train.Adam;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The architecture's promise: a few gradient steps on a surrogate alone move its objective's reported
 * top-k metric in the promised direction. Logits are free parameters here, so only the surrogate acts.
 */
class SurrogateMovesMetricTest {

    private static final int USERS = 40, ITEMS = 60, K = 10, STEPS = 15;
    private static final ItemFeatures FEATURES = SurrogateFixture.features(ITEMS, 3);
    private static final TreeMap<String, Double> TARGETS = new TreeMap<>(Map.of("in-house", 0.2, "independent", 0.4, "regional", 0.4));

    @Test
    void relevanceStepsRaiseNdcg() {
        assertImproves(Relevance.ID);
    }

    @Test
    void noveltyStepsRaiseSelfInformation() {
        assertImproves(Novelty.ID);
    }

    @Test
    void providerFairnessStepsShrinkExposureDistance() {
        assertImproves(ProviderFairness.ID);
    }

    @Test
    void coverageStepsRaiseCatalogueCoverage() {
        assertImproves(Coverage.ID);
    }

    @Test
    void diversityStepsRaiseIntraListDiversity() {
        assertImproves(Diversity.ID);
    }

    @Test
    void calibrationStepsShrinkKlFromTheHistoryProfile() {
        assertImproves(Calibration.ID);
    }

    @Test
    void publicValueStepsRaiseTheTaggedShare() {
        assertImproves(PublicValue.ID);
    }

    @Test
    void explorationStepsRaiseTheShareOfUnexploredCategories() {
        assertImproves(Exploration.ID);
    }

    @Test
    void fragmentationStepsShrinkTheDivergenceBetweenLists() {
        assertImproves(Fragmentation.ID);
    }

    private void assertImproves(String id) {
        Objective objective = Catalogue.get(id);
        int[][] truth = truth();
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, USERS, ITEMS);
        for (int u = 0; u < USERS; u++) for (int i : truth[u]) targets.putScalar(u, i, 1);
        // Start from a popularity-biased model: logits favour the popular (in-house) head.
        INDArray start = SurrogateFixture.gaussian(USERS, ITEMS, 9, DataType.DOUBLE);
        for (int u = 0; u < USERS; u++) for (int i = 0; i < ITEMS; i++) start.putScalar(u, i, start.getDouble(u, i) - Math.log(i + 1));
        double[] tau = new EvaluationData(List.of(), FEATURES, K, TARGETS).targetShares();
        SurrogateFixture f = new SurrogateFixture(Surrogates.get(id), start, Nd4j.zeros(DataType.DOUBLE, USERS, ITEMS), targets, FEATURES, tau);

        double metricBefore = metric(objective, f.logits(), truth);
        double surrogateBefore = f.value();
        Adam adam = new Adam(0.1);
        for (int step = 0; step < STEPS; step++) adam.update(Map.of("s", f.logits()), Map.of("s", f.gradient()));
        double metricAfter = metric(objective, f.logits(), truth);

        assertTrue(f.value() < surrogateBefore, id + " surrogate decreases");
        assertTrue(objective.direction().improves(metricBefore, metricAfter),
                id + " " + objective.metricName(K) + " should improve: " + metricBefore + " -> " + metricAfter);
        assertTrue(Math.abs(metricAfter - metricBefore) > 0.05 * Math.max(Math.abs(metricBefore), 0.05),
                id + " moves by a clear margin: " + metricBefore + " -> " + metricAfter);
    }

    private static double metric(Objective objective, INDArray logits, int[][] truth) {
        double[][] s = logits.toDoubleMatrix();
        List<UserLists> lists = new ArrayList<>();
        // The truth doubles as the history: the surrogates read the profile q_u off the targets.
        for (int u = 0; u < USERS; u++) lists.add(new UserLists(Evaluator.topK(s[u], new int[0], K), truth[u], truth[u]));
        return objective.evaluate(new EvaluationData(lists, FEATURES, K, TARGETS)).value();
    }

    private static int[][] truth() {
        SplittableRandom rng = new SplittableRandom(17);
        int[][] truth = new int[USERS][];
        for (int u = 0; u < USERS; u++) {
            truth[u] = rng.ints(0, ITEMS).distinct().limit(5).sorted().toArray();
        }
        return truth;
    }
}

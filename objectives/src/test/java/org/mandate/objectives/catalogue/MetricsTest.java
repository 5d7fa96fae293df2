package org.mandate.objectives.catalogue;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hand-computed values on two users and six items. Popularities are powers of two so self-information
 * is a whole number of bits; position weights are a(1)=1, a(2)=1/log2(3)≈0.6309297535714575, a(3)=1/2.
 */
class MetricsTest {

    static final double A2 = 0.6309297535714575;
    static final ItemFeatures ITEMS = new ItemFeatures(
            new double[]{0.5, 0.25, 0.125, 0.0625, 0.03125, 0.03125},
            new int[]{0, 0, 1, 1, 2, 2},
            List.of("in-house", "independent", "regional"));
    static final List<UserLists> USERS = List.of(
            new UserLists(new int[]{0, 2, 4}, new int[]{2, 5}, new int[]{1}),
            new UserLists(new int[]{1, 3, 5}, new int[]{1}, new int[]{0}));
    static final EvaluationData DATA = new EvaluationData(USERS, ITEMS, 3, null);

    @Test
    void ndcgAndRecall() {
        MetricValue v = new Relevance().evaluate(DATA);
        // user A: one hit at rank 2 of two held-out items: DCG = a(2), IDCG = 1 + a(2); user B: perfect.
        double ndcgA = A2 / (1 + A2);
        assertEquals(0.38685280723454163, ndcgA, 1e-15);
        assertEquals((ndcgA + 1) / 2, v.value(), 1e-12);
        assertEquals(0.75, v.details().get("recall@3"), 1e-12);
        assertEquals("ndcg@3", v.metric());
    }

    @Test
    void relevanceSkipsUsersWithoutHeldOutItems() {
        EvaluationData data = new EvaluationData(List.of(USERS.get(1), new UserLists(new int[]{0}, new int[0], null)), ITEMS, 3, null);
        assertEquals(1.0, new Relevance().evaluate(data).value(), 1e-12);
        assertEquals(1.0, new Relevance().evaluate(data).details().get("users"));
    }

    @Test
    void noveltyIsMeanSelfInformation() {
        // A: bits 1, 3, 5 -> 3; B: bits 2, 4, 5 -> 11/3.
        assertEquals((3 + 11.0 / 3) / 2, new Novelty().evaluate(DATA).value(), 1e-12);
        // k = 1 keeps only the first item of each list: bits 1 and 2.
        assertEquals(1.5, new Novelty().evaluate(new EvaluationData(USERS, ITEMS, 1, null)).value(), 1e-12);
    }

    @Test
    void providerExposureIsPositionWeighted() {
        MetricValue v = new ProviderFairness().evaluate(DATA);
        double total = 1 + A2 + 0.5; // each user's list puts a(1) on in-house, a(2) on independent, a(3) on regional
        assertEquals(1 / total, v.details().get("share.in-house"), 1e-12);
        assertEquals(A2 / total, v.details().get("share.independent"), 1e-12);
        assertEquals(0.5 / total, v.details().get("share.regional"), 1e-12);
        // Only in-house is above its 1/3 target, so the total variation distance is its excess.
        assertEquals(1 / total - 1.0 / 3, v.value(), 1e-12);
        assertEquals(Direction.MINIMISE, new ProviderFairness().direction());
    }

    @Test
    void exposureTargetsComeFromTheMandate() {
        TreeMap<String, Double> targets = new TreeMap<>();
        targets.put("in-house", 1 / (1 + A2 + 0.5));
        targets.put("independent", A2 / (1 + A2 + 0.5));
        targets.put("regional", 0.5 / (1 + A2 + 0.5));
        assertEquals(0.0, new ProviderFairness().evaluate(new EvaluationData(USERS, ITEMS, 3, targets)).value(), 1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ItemFeatures(new double[]{0.0}, new int[]{0}, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new ItemFeatures(new double[]{1.0}, new int[]{1}, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationData(List.of(new UserLists(new int[]{9}, null, null)), ITEMS, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationData(USERS, ITEMS, 0, null));
    }

    @Test
    void catalogueKnowsEachObjectiveOnce() {
        assertEquals(List.of("relevance", "novelty", "coverage", "diversity", "calibration", "provider_fairness",
                "public_value", "exploration", "fragmentation"), Catalogue.all().stream().map(Objective::id).toList());
        assertThrows(IllegalArgumentException.class, () -> Catalogue.get("engagement"));
        for (Objective o : Catalogue.all()) {
            assertEquals(false, o.description().en().isBlank());
            assertEquals(false, o.description().fr().isBlank());
        }
    }
}

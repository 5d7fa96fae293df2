package org.mandate.objectives.catalogue;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.UserLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hand-computed values of the list-level metrics on three users, six items, two categories and k = 2.
 * Categories (news, drama): items 0, 1 news; 2, 3, 5 drama; 4 half of each. Tagged local: 1, 2, 4.
 * User A gets [0, 2] and watched 1 (news); B gets [3, 5] and watched 2 (drama); C gets [0, 4], no history.
 * Position weights a(1) = 1, a(2) = A2 = 1/log2(3).
 */
class ListMetricsTest {

    static final double A2 = MetricsTest.A2;
    static final double[][] C = {{1, 0}, {1, 0}, {0, 1}, {0, 1}, {0.5, 0.5}, {0, 1}};
    static final ItemFeatures ITEMS = new ItemFeatures(
            new double[]{0.5, 0.25, 0.125, 0.0625, 0.03125, 0.03125}, new int[]{0, 0, 1, 1, 2, 2},
            List.of("in-house", "independent", "regional"), List.of("news", "drama"), C,
            new TreeMap<>(Map.of("local", new boolean[]{false, true, true, false, true, false},
                    "news", new boolean[]{true, true, false, false, false, false})));
    static final List<UserLists> USERS = List.of(
            new UserLists(new int[]{0, 2}, null, new int[]{1}),
            new UserLists(new int[]{3, 5}, null, new int[]{2}),
            new UserLists(new int[]{0, 4}, null, null));
    static final EvaluationData DATA = new EvaluationData(USERS, ITEMS, 2, null);

    @Test
    void coverageIsTheShareOfItemsShownWithTheGiniOfExposure() {
        MetricValue v = new Coverage().evaluate(DATA);
        assertEquals(5.0 / 6, v.value(), 1e-12); // item 1 is in no list
        // Exposure sorted ascending: 0, A2, A2, A2, 1 (item 3), 2 (item 0 twice at rank 1); coefficients 2j − 7.
        assertEquals((13 - 3 * A2) / (18 * (1 + A2)), v.details().get("gini_exposure"), 1e-12);
        assertEquals("catalogue_coverage@2", v.metric());
        assertEquals(0.0, Coverage.gini(new double[]{2, 2, 2}), 1e-15);
        assertEquals(2.0 / 3, Coverage.gini(new double[]{0, 0, 5}), 1e-15);
    }

    @Test
    void diversityIsMeanPairwiseCategoryDistance() {
        // A: news vs drama, 1; B: drama twice, 0; C: news vs half-half, 1 − 1/√2.
        assertEquals((2 - 1 / Math.sqrt(2)) / 3, new Diversity().evaluate(DATA).value(), 1e-12);
        // k = 1 leaves no pair in any list.
        assertEquals(0.0, new Diversity().evaluate(new EvaluationData(USERS, ITEMS, 1, null)).details().get("users"));
    }

    @Test
    void calibrationIsSmoothedKlFromHistoryToPositionWeightedListMix() {
        MetricValue v = new Calibration().evaluate(DATA);
        // A: q = (1, 0), r = (1, A2)/(1 + A2), KL = −ln((1 − α)/(1 + A2) + α). B: q = r = (0, 1), KL 0. C has no history.
        double klA = -Math.log(0.99 / (1 + A2) + 0.01);
        assertEquals(klA / 2, v.value(), 1e-12);
        assertEquals(0.4829, klA, 1e-4);
        // JS(A) in bits with m = ((1 + r0)/2, r1/2): ½ ln(2/(1 + r0)) + ½ [r0 ln(2 r0/(1 + r0)) + r1 ln 2].
        double r0 = 1 / (1 + A2), r1 = A2 / (1 + A2);
        double jsA = (0.5 * Math.log(2 / (1 + r0)) + 0.5 * (r0 * Math.log(2 * r0 / (1 + r0)) + r1 * Math.log(2))) / Math.log(2);
        assertEquals(jsA / 2, v.details().get("jensen_shannon"), 1e-12);
        assertEquals(2.0, v.details().get("users"));
        assertEquals(Direction.MINIMISE, new Calibration().direction());
    }

    @Test
    void publicValueIsThePositionWeightedShareOfTheTag() {
        MetricValue v = new PublicValue().evaluate(DATA);
        // Local items reach ranks 2 of A (item 2) and of C (item 4): 2·A2 of 3·(1 + A2).
        assertEquals(2 * A2 / (3 * (1 + A2)), v.value(), 1e-12);
        assertEquals(0.5, v.details().get("catalogue_share"), 1e-12);
        // The tag is a parameter: news items reach rank 1 of A and of C.
        assertEquals(2 / (3 * (1 + A2)), new PublicValue().evaluate(new EvaluationData(USERS, ITEMS.withPublicValueTag("news"), 2, null)).value(), 1e-12);
        // A catalogue without the tag has no tagged item.
        ItemFeatures untagged = new ItemFeatures(ITEMS.popularity(), ITEMS.providerGroup(), ITEMS.providerGroups());
        assertEquals(0.0, new PublicValue().evaluate(new EvaluationData(USERS, untagged, 2, null)).value());
    }

    @Test
    void explorationCountsItemsOfCategoriesMissingFromTheHistory() {
        // A watched news: item 0 news (known), item 2 drama (new) → 1/2. B watched drama, gets drama → 0. C skipped.
        MetricValue v = new Exploration().evaluate(DATA);
        assertEquals(0.25, v.value(), 1e-12);
        assertEquals(2.0, v.details().get("users"));
        // Item 4 is half news, half drama: its main category is the first on the tie, news.
        assertEquals(0, ITEMS.mainCategory(4));
    }

    @Test
    void fragmentationIsMeanRankAwareJensenShannonOverPairs() {
        MetricValue v = new Fragmentation().evaluate(DATA);
        // A–B and B–C share no item: 1 bit each. A–C share item 0 at rank 1: JS = A2/(1 + A2).
        assertEquals((2 + A2 / (1 + A2)) / 3, v.value(), 1e-12);
        assertEquals(3.0, v.details().get("pairs"));
        assertEquals(Direction.MINIMISE, new Fragmentation().direction());
    }

    @Test
    void fragmentationSamplesPairsDeterministically() {
        // 80 users are 3160 pairs: sampled. Half get [0, 2], half [3, 5]: a sampled pair is 0 or 1.
        List<UserLists> many = new ArrayList<>();
        for (int u = 0; u < 80; u++) many.add(new UserLists(u % 2 == 0 ? new int[]{0, 2} : new int[]{3, 5}, null, null));
        EvaluationData data = new EvaluationData(many, ITEMS, 2, null);
        MetricValue first = new Fragmentation().evaluate(data);
        assertEquals((double) Fragmentation.MAX_PAIRS, first.details().get("pairs"));
        assertEquals(first.value(), new Fragmentation().evaluate(data).value());
        // All pairs would give 40·40/3160 ≈ 0.506; a uniform sample of 2000 lands near it.
        assertEquals(1600.0 / 3160, first.value(), 0.05);
        List<UserLists> same = new ArrayList<>();
        for (int u = 0; u < 80; u++) same.add(new UserLists(new int[]{0, 2}, null, null));
        assertEquals(0.0, new Fragmentation().evaluate(new EvaluationData(same, ITEMS, 2, null)).value(), 1e-15);
    }

    @Test
    void categoriesAndTagsAreChecked() {
        double[] pop = {0.5, 0.5};
        int[] group = {0, 0};
        List<String> groups = List.of("g");
        assertThrows(IllegalArgumentException.class, () -> new ItemFeatures(pop, group, groups, List.of("a", "b"),
                new double[][]{{0.5, 0.4}, {1, 0}}, null));
        assertThrows(IllegalArgumentException.class, () -> new ItemFeatures(pop, group, groups, List.of("a", "b"),
                new double[][]{{1, 0}}, null));
        assertThrows(IllegalArgumentException.class, () -> new ItemFeatures(pop, group, groups, List.of("a"),
                new double[][]{{1}, {1}}, new TreeMap<>(Map.of("local", new boolean[]{true}))));
        ItemFeatures plain = new ItemFeatures(pop, group, groups);
        assertEquals(List.of(ItemFeatures.NO_CATEGORY), plain.categories());
        assertEquals(ItemFeatures.DEFAULT_PUBLIC_VALUE_TAG, plain.publicValueTag());
        assertEquals(1.0, plain.categoryMatrix()[1][0]);
    }
}

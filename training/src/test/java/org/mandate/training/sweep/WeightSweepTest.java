package org.mandate.training.sweep;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class WeightSweepTest {

    @Test
    void theLatticeCoversTheSimplexInSteps() {
        List<SortedMap<String, Double>> l = WeightSweep.lattice(List.of("a", "b", "c"), 0.5);
        assertEquals(List.of(Map.of("a", 1.0, "b", 0.0, "c", 0.0), Map.of("a", 0.5, "b", 0.5, "c", 0.0),
                Map.of("a", 0.5, "b", 0.0, "c", 0.5), Map.of("a", 0.0, "b", 1.0, "c", 0.0),
                Map.of("a", 0.0, "b", 0.5, "c", 0.5), Map.of("a", 0.0, "b", 0.0, "c", 1.0)), l);
        assertEquals(15, WeightSweep.lattice(List.of("a", "b", "c"), 0.25).size());
        assertEquals(List.of(Map.of("a", 1.0)), WeightSweep.lattice(List.of("a"), 0.1));
        assertThrows(IllegalArgumentException.class, () -> WeightSweep.lattice(List.of("a", "b"), 0.3));
    }

    private static SweepPoint point(double ndcg, double distance) {
        LinkedHashMap<String, MetricValue> m = new LinkedHashMap<>();
        m.put(Relevance.ID, new MetricValue(Relevance.ID, "ndcg@10", ndcg, new TreeMap<>()));
        m.put(ProviderFairness.ID, new MetricValue(ProviderFairness.ID, "exposure_tv@10", distance, new TreeMap<>()));
        return new SweepPoint(new TreeMap<>(), null, new Evaluation(10, 1, m), null, 0);
    }

    @Test
    void nonDominatedKeepsTheTradeOffsInTheirCatalogueDirections() {
        // Relevance is maximised, the exposure distance minimised.
        SweepPoint best = point(0.40, 0.30), fair = point(0.30, 0.10), worse = point(0.29, 0.12), tie = point(0.30, 0.10);
        SweepPoint dominatedByBest = point(0.40, 0.35);
        List<SweepPoint> front = WeightSweep.nonDominated(List.of(best, fair, worse, tie, dominatedByBest),
                List.of(Relevance.ID, ProviderFairness.ID));
        assertEquals(3, front.size());
        assertSame(best, front.get(0));
        assertSame(fair, front.get(1));
        assertSame(tie, front.get(2), "equal points do not dominate each other");
    }

    @Test
    void aTinySweepTrainsEveryPointAndFindsTheFront() {
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(5).withSize(100, 200));
        HoldoutSplit split = HoldoutSplit.standard(data, 5);
        TrainerConfig config = new TrainerConfig(16, 3, 100, 1e-2, 0.5, 5, 10, 2);
        Mandate template = new Mandate(new TreeMap<>(Map.of(Relevance.ID, 0.7, Novelty.ID, 0.3)), List.of(),
                DataUseRules.NONE, null, Provenance.baseline("sweep template"));
        List<Integer> told = new java.util.ArrayList<>();
        SweepResult r = WeightSweep.run(data, split, template, 0.5, config, ProgressListener.NONE, 2, (index, total, point) -> {
            assertEquals(3, total);
            told.add(index);
        });
        assertEquals(List.of(1, 2, 3), told, "progress after every point");
        assertEquals(List.of(Novelty.ID, Relevance.ID), r.objectives());
        assertEquals(3, r.points().size());
        assertEquals(Map.of(Novelty.ID, 1.0), r.points().get(0).mandate().weights(), "zero weights are left out of the mandate");
        SweepPoint noveltyOnly = r.points().get(0), relevanceOnly = r.points().get(2);
        assertTrue(noveltyOnly.value(Novelty.ID) > relevanceOnly.value(Novelty.ID),
                noveltyOnly.value(Novelty.ID) + " vs " + relevanceOnly.value(Novelty.ID));
        assertFalse(r.nonDominated().isEmpty());
        for (String id : r.objectives()) {
            double bestValue = r.points().stream().mapToDouble(p -> p.value(id)).max().orElseThrow();
            assertTrue(r.nonDominated().stream().anyMatch(p -> p.value(id) == bestValue), "the best " + id + " is on the front");
        }
        assertEquals(3, r.table().size());
        assertEquals(r.nonDominated().size(), r.table().stream().filter(row -> (Boolean) row.get("non_dominated")).count());
        r.table().forEach(row -> System.out.println("[sweep] " + row.get("weights") + " " + row.get("metrics")));

        // The same two held-out users at every point, top 5 of items they have not been shown.
        int[] examples = WeightSweep.exampleUsers(split, 2);
        for (SweepPoint p : r.points()) {
            assertEquals(2, p.exampleSlates().size());
            for (int e = 0; e < 2; e++) {
                ExampleSlate slate = p.exampleSlates().get(e);
                assertEquals("u" + split.heldOutUsers()[examples[e]], slate.user());
                assertEquals(WeightSweep.EXAMPLE_SLATE_SIZE, slate.items().size());
                for (ExampleSlate.Item item : slate.items()) {
                    int index = data.catalogue().itemIds().indexOf(item.id());
                    assertTrue(java.util.Arrays.stream(split.foldIn()[examples[e]]).noneMatch(i -> i == index), "fold-in items are not recommended");
                    assertEquals(data.catalogue().providerGroups().get(data.catalogue().providerGroup()[index]), item.providerGroup());
                }
            }
        }
        SweepFile file = SweepFile.of(r);
        assertEquals(r.objectives(), file.objectives());
        assertEquals(10, file.k());
        assertEquals(r.nonDominated().size(), file.points().stream().filter(SweepFile.Point::nonDominated).count());
        assertEquals(r.points().get(2).manifest().modelSha256(), file.points().get(2).modelSha256());
        assertEquals(9, file.points().getFirst().metrics().size(), "every catalogue metric");
        assertEquals(file, SweepFile.read(file.json()));
    }
}

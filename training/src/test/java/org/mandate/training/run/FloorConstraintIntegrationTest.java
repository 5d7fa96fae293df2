package org.mandate.training.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.BoundCheck;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Floors enforced by the augmented Lagrangian, on synthetic data at test size (300 programmes × 600 viewers):
 * a relevance-only mandate with a public-value floor that the unconstrained model misses, and one it already meets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloorConstraintIntegrationTest {

    private static final long SEED = 5;
    private static final TrainerConfig CONFIG = new TrainerConfig(100, 10, 200, 3e-3, 0.5, SEED, 10, 1);

    private InteractionData data;
    private HoldoutSplit split;
    private TrainingResult unconstrained;
    private double baseline;

    @BeforeAll
    void trainUnconstrained() {
        data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(SEED).withSize(300, 600));
        split = HoldoutSplit.standard(data, SEED);
        unconstrained = TrainingRun.execute(data, split, Mandate.relevanceOnly(), CONFIG, ProgressListener.NONE);
        baseline = unconstrained.evaluation().value(PublicValue.ID);
        System.out.printf("[floor] unconstrained: public_value %.4f ndcg %.4f (%.1f s)%n", baseline,
                unconstrained.evaluation().value(Relevance.ID), unconstrained.seconds());
    }

    private TrainingResult withFloor(double floor) {
        Mandate m = new Mandate(new TreeMap<>(Map.of(Relevance.ID, 1.0)), List.of(new Bound(PublicValue.ID, Bound.Kind.FLOOR, floor)),
                DataUseRules.NONE, null, Provenance.baseline("floor test"));
        TrainingResult r = TrainingRun.execute(data, split, m, CONFIG, ProgressListener.NONE);
        BoundCheck b = r.bounds().getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> bound = (Map<String, Object>) ((List<?>) ((Map<?, ?>) r.manifest().constraints()).get("bounds")).getFirst();
        StringBuilder history = new StringBuilder();
        for (Object row : (List<?>) bound.get("history")) {
            Map<?, ?> h = (Map<?, ?>) row;
            history.append(String.format(" %s:%.3f/λ%.2f/ρ%.0f", h.get("epoch"), h.get("metric"), h.get("lambda"), h.get("rho")));
        }
        System.out.printf("[floor] floor %.3f: held-out public_value %.4f (%s) ndcg %.4f (%.1f s); training metric/λ/ρ by epoch:%s%n",
                floor, b.achieved(), b.met() ? "met" : "missed", r.evaluation().value(Relevance.ID), r.seconds(), history);
        return r;
    }

    @Test
    void aMissedFloorIsMetUnderTheConstraint() {
        double floor = Math.round((baseline + 0.12) * 100) / 100.0;
        BoundCheck without = BoundCheck.of(new Bound(PublicValue.ID, Bound.Kind.FLOOR, floor), unconstrained.evaluation());
        assertFalse(without.met(), "the unconstrained model must miss the floor for the test to mean anything");
        TrainingResult constrained = withFloor(floor);
        assertTrue(constrained.bounds().getFirst().met(), constrained.bounds().toString());
    }

    @Test
    void aMetFloorLeavesTheModelCloseToUnconstrained() {
        TrainingResult r = withFloor(Math.max(0.01, baseline - 0.1));
        assertTrue(r.bounds().getFirst().met());
        double a = unconstrained.evaluation().value(Relevance.ID), b = r.evaluation().value(Relevance.ID);
        assertEquals(a, b, 0.01, "NDCG with a slack floor " + b + " vs unconstrained " + a);
        assertEquals(baseline, r.evaluation().value(PublicValue.ID), 0.01);
    }
}

package org.mandate.training.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class LearningRateScheduleTest {

    @Test
    void constantIsThePeakAtEveryStep() {
        for (int t = 1; t <= 50; t++) assertEquals(2e-3, LearningRateSchedule.CONSTANT.rate(2e-3, t, 50), 0.0);
    }

    @Test
    void cosineFallsFromThePeakToZeroThroughHalfAtMidRun() {
        LearningRateSchedule c = LearningRateSchedule.COSINE;
        // ½·(1 + cos(π·t/T)): t = T/4 → (1 + √½)/2, t = T/2 → ½, t = T → 0.
        assertEquals(1e-3 * (1 + Math.sqrt(0.5)) / 2, c.rate(1e-3, 25, 100), 1e-15);
        assertEquals(0.5e-3, c.rate(1e-3, 50, 100), 1e-15);
        assertEquals(0, c.rate(1e-3, 100, 100), 1e-18);
        double previous = 1e-3;
        for (int t = 1; t <= 100; t++) {
            double r = c.rate(1e-3, t, 100);
            assertTrue(r < previous && r >= 0, "strictly decreasing, non-negative at step " + t);
            previous = r;
        }
        assertEquals(0, c.rate(1e-3, 130, 100), 1e-18, "steps past the end stay at zero");
        assertThrows(IllegalArgumentException.class, () -> c.rate(1e-3, 0, 100));
    }

    @Test
    void adamStepsAndDecaysAtTheScheduledRate() {
        // Zero gradients: Adam's own step is 0, what remains is the decoupled decay × (1 − rate_t·wd) at step t.
        Map<String, INDArray> p = Map.of("w1", Nd4j.create(new double[]{2, -4}).castTo(DataType.DOUBLE));
        Map<String, INDArray> g = Map.of("w1", Nd4j.zeros(DataType.DOUBLE, 2));
        Adam adam = new Adam(t -> LearningRateSchedule.COSINE.rate(0.1, t, 4), 2, Set.of("w1"));
        double f = 1;
        for (int t = 1; t <= 4; t++) {
            adam.update(p, g);
            f *= 1 - LearningRateSchedule.COSINE.rate(0.1, t, 4) * 2;
        }
        assertArrayEquals(new double[]{2 * f, -4 * f}, p.get("w1").toDoubleVector(), 1e-12);
        // The first step of a non-zero gradient moves by the scheduled rate of step 1, not the peak.
        Map<String, INDArray> q = Map.of("w1", Nd4j.create(new double[]{1, 1}).castTo(DataType.DOUBLE));
        new Adam(t -> LearningRateSchedule.COSINE.rate(0.1, t, 2), 0, Set.of())
                .update(q, Map.of("w1", Nd4j.create(new double[]{0.5, -0.5}).castTo(DataType.DOUBLE)));
        assertArrayEquals(new double[]{1 - 0.05, 1 + 0.05}, q.get("w1").toDoubleVector(), 1e-6);
    }

    @Test
    void theManifestNamesTheScheduleOnlyWhenItIsNotConstantAndUnknownNamesAreRefused() {
        TrainerConfig constant = TrainerConfig.defaults(1);
        assertFalse(constant.toJson().containsKey("lr_schedule"), "manifests of constant-rate runs are unchanged");
        assertEquals("cosine", TrainerConfig.movieLens100k(1).toJson().get("lr_schedule"));
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.of("cosine"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.of("step"));
        assertTrue(e.getMessage().contains("constant or cosine"), e.getMessage());
    }
}

package org.mandate.training.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AdamTest {

    private static Map<String, INDArray> params() {
        return Map.of("w1", Nd4j.create(new double[]{2, -4}).castTo(DataType.DOUBLE),
                "b1", Nd4j.create(new double[]{2, -4}).castTo(DataType.DOUBLE));
    }

    private static Map<String, INDArray> zeroGradients() {
        return Map.of("w1", Nd4j.zeros(DataType.DOUBLE, 2), "b1", Nd4j.zeros(DataType.DOUBLE, 2));
    }

    @Test
    void weightDecayShrinksOnlyTheNamedParametersByLearningRateTimesDecayEachStep() {
        Map<String, INDArray> p = params();
        Adam adam = new Adam(0.01, 5, Set.of("w1"));
        // With zero gradients Adam's own step is 0, so what remains is the decoupled decay: × (1 − 0.01·5) per step.
        for (int t = 0; t < 3; t++) adam.update(p, zeroGradients());
        double f = Math.pow(1 - 0.05, 3);
        assertArrayEquals(new double[]{2 * f, -4 * f}, p.get("w1").toDoubleVector(), 1e-12);
        assertArrayEquals(new double[]{2, -4}, p.get("b1").toDoubleVector(), 0.0, "biases are not decayed");
    }

    @Test
    void withoutDecayTheUpdateIsPlainAdam() {
        Map<String, INDArray> a = params(), b = params();
        Map<String, INDArray> g = Map.of("w1", Nd4j.create(new double[]{0.3, -0.1}).castTo(DataType.DOUBLE),
                "b1", Nd4j.create(new double[]{1, 2}).castTo(DataType.DOUBLE));
        new Adam(0.01).update(a, g);
        new Adam(0.01, 0, Set.of("w1")).update(b, g);
        assertArrayEquals(a.get("w1").toDoubleVector(), b.get("w1").toDoubleVector(), 0.0);
        // First Adam step moves each coordinate by the learning rate against the gradient's sign (ε = 1e-8 next to
        // √v ≈ 0.01 shortens it by about 1e-6 of a step).
        assertArrayEquals(new double[]{2 - 0.01, -4 + 0.01}, a.get("w1").toDoubleVector(), 1e-7);
    }

    @Test
    void theConfigRecordsDecayInTheManifestAndRefusesNegativeOrTooStrongDecay() {
        TrainerConfig plain = TrainerConfig.movieLens100k(1).withWeightDecay(0);
        assertEquals("adam", plain.toJson().get("optimizer"));
        assertFalse(plain.toJson().containsKey("weight_decay"));
        TrainerConfig decayed = plain.withWeightDecay(3);
        assertEquals("adamw", decayed.toJson().get("optimizer"));
        assertEquals(3.0, decayed.toJson().get("weight_decay"));
        assertThrows(IllegalArgumentException.class, () -> plain.withWeightDecay(-1));
        assertThrows(IllegalArgumentException.class, () -> plain.withWeightDecay(1 / plain.learningRate()));
    }
}

package org.mandate.training.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The weights of the one-hidden-layer Mult-DAE: encoder {@code w1} (I × H), {@code b1} (1 × H),
 * decoder {@code w2} (H × I), {@code b2} (1 × I).
 */
public record ModelParameters(INDArray w1, INDArray b1, INDArray w2, INDArray b2) {

    /** Parameter names, in the order they are saved and updated. */
    public static final List<String> NAMES = List.of("w1", "b1", "w2", "b2");

    /**
     * Glorot-uniform weights and zero biases drawn from a {@link SplittableRandom}: a specified Java
     * generator, so the same seed gives the same start whatever ND4J's own RNG does.
     */
    public static ModelParameters initialise(int items, int hidden, long seed, DataType dtype) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new ModelParameters(glorot(items, hidden, rng, dtype), Nd4j.zeros(dtype, 1, hidden),
                glorot(hidden, items, rng, dtype), Nd4j.zeros(dtype, 1, items));
    }

    public static ModelParameters fromMap(Map<String, INDArray> arrays) {
        return new ModelParameters(arrays.get("w1"), arrays.get("b1"), arrays.get("w2"), arrays.get("b2"));
    }

    public Map<String, INDArray> asMap() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("w1", w1);
        m.put("b1", b1);
        m.put("w2", w2);
        m.put("b2", b2);
        return m;
    }

    public ModelParameters copy() {
        return new ModelParameters(w1.dup(), b1.dup(), w2.dup(), b2.dup());
    }

    public int items() {
        return (int) w1.size(0);
    }

    public int hidden() {
        return (int) w1.size(1);
    }

    private static INDArray glorot(int fanIn, int fanOut, SplittableRandom rng, DataType dtype) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] w = new double[fanIn * fanOut];
        for (int j = 0; j < w.length; j++) w[j] = (2 * rng.nextDouble() - 1) * limit;
        return Nd4j.create(w, new long[]{fanIn, fanOut}, DataType.DOUBLE).castTo(dtype);
    }
}

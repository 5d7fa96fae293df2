package org.mandate.training.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Turns item-index histories into the dense matrices the network reads. Mult-DAE input: the 0/1
 * history with each item dropped with probability {@code dropout} (training only), L2-normalised per
 * row so heavy and light viewers give inputs of the same scale.
 */
public final class InputEncoder {

    private InputEncoder() {}

    /** Network input; pass {@code rng = null} or {@code dropout = 0} for evaluation (no corruption). */
    public static INDArray input(int[][] histories, int items, double dropout, SplittableRandom rng, DataType dtype) {
        float[] x = new float[histories.length * items];
        for (int u = 0; u < histories.length; u++) {
            int kept = 0;
            int base = u * items;
            for (int i : histories[u]) {
                if (rng != null && dropout > 0 && rng.nextDouble() < dropout) continue;
                x[base + i] = 1f;
                kept++;
            }
            if (kept > 0) {
                float norm = (float) (1.0 / Math.sqrt(kept));
                for (int i : histories[u]) if (x[base + i] != 0f) x[base + i] = norm;
            }
        }
        return Nd4j.create(x, new long[]{histories.length, items}, 'c').castTo(dtype);
    }

    /**
     * Draws from {@code rng} exactly what {@link #input} draws for the same histories and dropout, without building
     * the input: one {@code nextDouble()} per history item when dropout is on. A resumed training replays the epochs
     * it skips with this, so the random stream continues where the interrupted run left it.
     */
    public static void skipDropout(int[][] histories, double dropout, SplittableRandom rng) {
        if (rng == null || !(dropout > 0)) return;
        for (int[] h : histories) for (int ignored : h) rng.nextDouble();
    }

    /** The 0/1 target matrix y (B × I). */
    public static INDArray targets(int[][] histories, int items, DataType dtype) {
        float[] y = new float[histories.length * items];
        for (int u = 0; u < histories.length; u++) for (int i : histories[u]) y[u * items + i] = 1f;
        return Nd4j.create(y, new long[]{histories.length, items}, 'c').castTo(dtype);
    }
}

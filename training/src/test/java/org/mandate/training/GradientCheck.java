package org.mandate.training;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a backward pass against central differences, in double precision, one logit at a time. */
public final class GradientCheck {

    private static final double H = 1e-6;

    private GradientCheck() {
    }

    /**
     * Asserts that {@code analytic} (users × items) is the gradient of {@code value} with respect to the
     * {@code logits} it reads (nudged in place and restored); {@code label} starts each failure message.
     * Returns the largest analytic |entry|, for the caller to check the gradient is not trivially zero.
     */
    public static double assertMatchesCentralDifferences(INDArray analytic, INDArray logits, DoubleSupplier value, String label) {
        assertArrayEquals(logits.shape(), analytic.shape(), label + "gradient shape");
        double largest = 0;
        for (int u = 0; u < logits.rows(); u++) {
            for (int i = 0; i < logits.columns(); i++) {
                double original = logits.getDouble(u, i);
                logits.putScalar(u, i, original + H);
                double plus = value.getAsDouble();
                logits.putScalar(u, i, original - H);
                double minus = value.getAsDouble();
                logits.putScalar(u, i, original);
                double numeric = (plus - minus) / (2 * H);
                double a = analytic.getDouble(u, i);
                largest = Math.max(largest, Math.abs(a));
                double error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-7);
                // Entries below the finite-difference round-off (~1e-16 · |g| / h ≈ 1e-10) are checked absolutely.
                assertTrue(error < 1e-5 || Math.abs(a - numeric) < 1e-9, label + "d/ds[" + u + "," + i + "]: analytic " + a + " numeric " + numeric);
            }
        }
        return largest;
    }
}

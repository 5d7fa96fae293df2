package org.mandate.training.surrogate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.metrics.ItemFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SurrogateGradientTest {

    static List<Surrogate> surrogates() {
        return List.copyOf(Surrogates.all());
    }

    @Test
    void everyCatalogueObjectiveHasASurrogateNamedAfterIt() {
        for (Objective o : Catalogue.all()) {
            Surrogate s = Surrogates.get(o.id());
            assertEquals(o.id(), s.objectiveId());
            String expected = o.getClass().getSimpleName() + "Surrogate";
            assertEquals(expected, s.getClass().getSimpleName());
        }
        assertEquals(Catalogue.all().size(), Surrogates.all().size(), "no surrogate without an objective");
        assertThrows(IllegalArgumentException.class, () -> Surrogates.get("no_such_objective"));
    }

    /** Central differences on the logits, in double precision, against SameDiff's backward pass. */
    @ParameterizedTest
    @MethodSource("surrogates")
    void analyticGradientMatchesCentralDifferences(Surrogate surrogate) {
        int users = 4, items = 9;
        ItemFeatures features = SurrogateFixture.features(items, 1);
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, users, items);
        for (int u = 0; u < users; u++) {
            targets.putScalar(u, u % items, 1);
            targets.putScalar(u, (3 * u + 2) % items, 1);
        }
        // Two consumed items per user: they leave the soft recommendation, and their gradient must vanish with them.
        INDArray consumed = Nd4j.zeros(DataType.DOUBLE, users, items);
        for (int u = 0; u < users; u++) {
            consumed.putScalar(u, (u + 4) % items, 1);
            consumed.putScalar(u, (2 * u + 5) % items, 1);
        }
        SurrogateFixture f = new SurrogateFixture(surrogate, SurrogateFixture.gaussian(users, items, 7, DataType.DOUBLE),
                consumed, targets, features, new double[]{0.5, 0.3, 0.2});
        INDArray analytic = f.gradient().dup();
        assertEquals(DataType.DOUBLE, analytic.dataType());
        double h = 1e-6, worst = 0, largest = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double original = f.logits().getDouble(u, i);
                f.logits().putScalar(u, i, original + h);
                double plus = f.value();
                f.logits().putScalar(u, i, original - h);
                double minus = f.value();
                f.logits().putScalar(u, i, original);
                double numeric = (plus - minus) / (2 * h);
                double a = analytic.getDouble(u, i);
                largest = Math.max(largest, Math.abs(a));
                double error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-7);
                worst = Math.max(worst, error);
                // Entries below the finite-difference round-off (~1e-16 · |g| / h ≈ 1e-10) are checked absolutely.
                assertTrue(error < 1e-5 || Math.abs(a - numeric) < 1e-9, surrogate.objectiveId() + " d/ds[" + u + "," + i + "]: analytic " + a + " numeric " + numeric);
            }
        }
        assertTrue(largest > 1e-4, "the gradient is not trivially zero");
    }
}

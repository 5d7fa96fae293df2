package org.mandate.training.surrogate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.GradientCheck;
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
        double largest = GradientCheck.assertMatchesCentralDifferences(analytic, f.logits(), f::value, surrogate.objectiveId() + " ");
        assertTrue(largest > 1e-4, "the gradient is not trivially zero");
    }
}

package org.mandate.training.train;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.GradientCheck;
import org.mandate.training.surrogate.SurrogateInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The augmented-Lagrangian terms of a floor on public value, a ceiling on exposure distance and a floor on
 * novelty, over free logits with the soft top-k placeholders held fixed: SameDiff's gradient against central
 * differences in double precision, and the graph's value against the formula.
 */
class FloorConstraintGradientTest {

    private static final int USERS = 4, ITEMS = 14, K = 3;

    @Test
    void analyticGradientMatchesCentralDifferences() {
        Fixture f = new Fixture(List.of(new Bound(PublicValue.ID, Bound.Kind.FLOOR, 0.9),
                new Bound(ProviderFairness.ID, Bound.Kind.CEILING, 0.01), new Bound(Novelty.ID, Bound.Kind.FLOOR, 5)));
        INDArray analytic = f.sd.calculateGradients(f.feed, "s").get("s").dup();
        double largest = GradientCheck.assertMatchesCentralDifferences(analytic, f.logits(), f::value, "");
        assertTrue(largest > 1e-3, "the gradient is not trivially zero: " + largest);
    }

    @Test
    void theGraphComputesTheAugmentedLagrangianTerm() {
        Bound floor = new Bound(PublicValue.ID, Bound.Kind.FLOOR, 0.6);
        Fixture f = new Fixture(List.of(floor));
        FloorConstraint c = new FloorConstraint(floor, 0);
        double estimate = f.sd.output(f.feed, c.estimateName()).get(c.estimateName()).getDouble(0);
        double g = c.violation(estimate + Fixture.OFFSET);
        assertEquals(FloorConstraint.penalty(g, Fixture.LAMBDA, Fixture.RHO), f.value(), 1e-12);
        // Slack and λ = 0: no penalty and no pull; binding: slope λ + ρ·g.
        assertEquals(0, FloorConstraint.penalty(-0.1, 0, 10), 0);
        assertEquals(-0.5 * 0.5 / 20, FloorConstraint.penalty(-0.1, 0.5, 10), 1e-15, "slack with λ > 0: −λ²/(2ρ)");
        double slope = (FloorConstraint.penalty(0.2 + 1e-7, 0.5, 10) - FloorConstraint.penalty(0.2 - 1e-7, 0.5, 10)) / 2e-7;
        assertEquals(0.5 + 10 * 0.2, slope, 1e-5);
    }

    @Test
    void aBoundOnAnObjectiveWithoutEstimateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloorConstraint(new Bound(Relevance.ID, Bound.Kind.FLOOR, 0.2), 0));
        assertTrue(e.getMessage().contains("relevance") && e.getMessage().contains(PublicValue.ID), e.getMessage());
    }

    /** The constraint terms of {@code bounds} over free logits "s", with λ, ρ, offsets and the soft top-k fed. */
    private static final class Fixture {
        static final double LAMBDA = 0.7, RHO = 5, OFFSET = 0.01;
        final SameDiff sd = SameDiff.create();
        final Map<String, INDArray> feed = new HashMap<>();

        Fixture(List<Bound> bounds) {
            DataType dt = DataType.DOUBLE;
            INDArray s0 = gaussian();
            INDArray consumed = Nd4j.zeros(dt, USERS, ITEMS), targets = Nd4j.zeros(dt, USERS, ITEMS);
            for (int u = 0; u < USERS; u++) {
                consumed.putScalar(u, (u + 4) % ITEMS, 1);
                consumed.putScalar(u, (2 * u + 5) % ITEMS, 1);
                targets.putScalar(u, (u + 4) % ITEMS, 1);
            }
            SDVariable s = sd.var("s", s0.dup());
            SurrogateInputs in = SurrogateInputs.create(sd, s, sd.constant("c", consumed), sd.constant("y", targets),
                    features(), new double[]{0.5, 0.3, 0.2}, dt);
            SoftTopK top = SoftTopK.declare(sd, s, in.consumed(), dt, ITEMS);
            SDVariable sum = null;
            for (int j = 0; j < bounds.size(); j++) {
                FloorConstraint c = new FloorConstraint(bounds.get(j), j);
                SDVariable term = c.build(in, top, dt);
                sum = sum == null ? term : sum.add(term);
                feed.put(c.lambdaName(), Nd4j.scalar(LAMBDA));
                feed.put(c.rhoName(), Nd4j.scalar(RHO));
                feed.put(c.offsetName(), Nd4j.scalar(OFFSET));
            }
            sd.identity("value", sum);
            sd.setLossVariables("value");
            feed.putAll(SoftTopK.feed(s0, consumed, K));
        }

        INDArray logits() {
            return sd.getArrForVarName("s");
        }

        double value() {
            return sd.output(feed, "value").get("value").getDouble(0);
        }

        static INDArray gaussian() {
            SplittableRandom rng = new SplittableRandom(11);
            double[] v = new double[USERS * ITEMS];
            for (int j = 0; j < v.length; j++) {
                double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
                v[j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            }
            return Nd4j.create(v, new long[]{USERS, ITEMS}, DataType.DOUBLE);
        }

        /** Zipf popularity, three provider groups, two categories, a local tag on every third item. */
        static ItemFeatures features() {
            double[] pop = new double[ITEMS];
            int[] group = new int[ITEMS];
            double[][] categories = new double[ITEMS][2];
            boolean[] local = new boolean[ITEMS];
            double sum = 0;
            for (int i = 0; i < ITEMS; i++) {
                pop[i] = 1.0 / (i + 1);
                sum += pop[i];
                group[i] = i % 3;
                categories[i][i % 2] = 1;
                local[i] = i % 3 == 1;
            }
            for (int i = 0; i < ITEMS; i++) pop[i] /= sum;
            return new ItemFeatures(pop, group, List.of("in-house", "independent", "regional"), List.of("news", "drama"),
                    categories, new TreeMap<>(Map.of("local", local)));
        }
    }
}

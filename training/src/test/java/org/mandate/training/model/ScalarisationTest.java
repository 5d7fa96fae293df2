package org.mandate.training.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ScalarisationTest {

    /** A graph whose loss is {@code s} applied to t_j = w_j·x_j over free scalars x_j (like batch-mean surrogates). */
    private static final class Fixture {
        final SameDiff sd = SameDiff.create();
        final List<String> names = new ArrayList<>();

        Fixture(Scalarisation s, double[] weights, double[] x) {
            List<SDVariable> terms = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                names.add("x" + j);
                terms.add(sd.var("x" + j, Nd4j.scalar(DataType.DOUBLE, x[j])).mul(weights[j]));
            }
            sd.identity("loss", s.combine(sd, terms));
            sd.setLossVariables("loss");
        }

        double value() {
            return sd.output(Map.of(), "loss").get("loss").getDouble(0);
        }

        double[] gradient() {
            Map<String, INDArray> g = sd.calculateGradients(Map.of(), names.toArray(String[]::new));
            return names.stream().mapToDouble(n -> g.get(n).getDouble(0)).toArray();
        }

        INDArray x(int j) {
            return sd.getArrForVarName(names.get(j));
        }
    }

    private static final double[] W = {0.41, 0.34, 0.25};

    @Test
    void theGraphComputesTheDocumentedFormula() {
        double[] x = {0.3, -0.2, 0.9};
        double[] t = {W[0] * x[0], W[1] * x[1], W[2] * x[2]};
        double mu = 0.1, rho = 0.05;
        double expected = mu * Math.log(Math.exp(t[0] / mu) + Math.exp(t[1] / mu) + Math.exp(t[2] / mu)) + rho * (t[0] + t[1] + t[2]);
        Scalarisation cheb = Scalarisation.smoothChebyshev(mu, rho);
        assertEquals(expected, new Fixture(cheb, W, x).value(), 1e-12);
        assertEquals(expected, cheb.value(t), 1e-12);
        assertEquals(t[0] + t[1] + t[2], new Fixture(Scalarisation.weightedSum(), W, x).value(), 1e-12);
        // Terms far apart: the shift by the max keeps exp finite, and the soft max is the max.
        double[] far = {500, -500, 0};
        assertEquals(500 * W[0] * (1 + 0.05) - 500 * W[1] * 0.05, new Fixture(cheb, W, far).value(), 1e-9);
    }

    @Test
    void aSingleTermIsTheLossUnchanged() {
        double[] x = {0.7};
        assertEquals(0.7 * 0.5, new Fixture(Scalarisation.DEFAULT, new double[]{0.5}, x).value(), 1e-15);
        assertEquals(0.35, Scalarisation.DEFAULT.value(new double[]{0.35}), 1e-15);
    }

    /** Central differences against SameDiff's backward pass, as for the surrogates. */
    @Test
    void analyticGradientMatchesCentralDifferences() {
        Fixture f = new Fixture(Scalarisation.smoothChebyshev(0.1, 0.05), W, new double[]{0.3, 0.25, 0.5});
        double[] analytic = f.gradient();
        double h = 1e-6;
        for (int j = 0; j < W.length; j++) {
            double original = f.x(j).getDouble(0);
            f.x(j).assign(original + h);
            double plus = f.value();
            f.x(j).assign(original - h);
            double minus = f.value();
            f.x(j).assign(original);
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, analytic[j], 1e-7 * Math.max(1, Math.abs(numeric)), "d/dx[" + j + "]");
            assertTrue(analytic[j] > 0.05 * W[j], "every term keeps at least its ρ share of the gradient");
        }
    }

    /**
     * The property that gives weights their meaning: on a front where every objective's normalised gap
     * can only shrink at another's expense (here Σ_j ĝ_j = 1, ĝ ≥ 0), the minimiser leaves gaps
     * inversely proportional to the weights, so more weight = closer to that objective's best. The weighted
     * sum on the same front jumps to a vertex: it closes the heavier gaps and abandons the lightest objective.
     */
    @Test
    void onALinearFrontGapsAreInverselyProportionalToWeights() {
        double[] cheb = minimiseOnSimplex(Scalarisation.smoothChebyshev(0.002, 0.0));
        double c = 1 / (1 / W[0] + 1 / W[1] + 1 / W[2]);
        for (int j = 0; j < W.length; j++) assertEquals(c / W[j], cheb[j], 0.02, "gap of objective " + j);
        assertTrue(cheb[0] < cheb[1] && cheb[1] < cheb[2], "more weight, smaller gap");

        double[] sum = minimiseOnSimplex(Scalarisation.weightedSum());
        assertArrayEquals(new double[]{0, 0, 1}, sum, 1e-12, "the weighted sum abandons the 25 % objective altogether");
    }

    /** Grid search over ĝ on the simplex Σ ĝ = 1 (step 0.005). */
    private static double[] minimiseOnSimplex(Scalarisation s) {
        double best = Double.POSITIVE_INFINITY;
        double[] arg = null;
        int n = 200;
        for (int a = 0; a <= n; a++) {
            for (int b = 0; a + b <= n; b++) {
                double[] g = {a / (double) n, b / (double) n, (n - a - b) / (double) n};
                double v = s.value(new double[]{W[0] * g[0], W[1] * g[1], W[2] * g[2]});
                if (v < best - 1e-15) {
                    best = v;
                    arg = g;
                }
            }
        }
        return arg;
    }

    @Test
    void invalidParametersAreRefusedAndTheManifestNamesTheLoss() {
        assertThrows(IllegalArgumentException.class, () -> Scalarisation.smoothChebyshev(0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Scalarisation.smoothChebyshev(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Scalarisation("weighted_sum", 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Scalarisation("lexicographic", 0, 0));
        Map<String, Object> json = Scalarisation.DEFAULT.toJson();
        assertEquals("smooth_chebyshev", json.get("kind"));
        assertEquals(0.1, json.get("mu"));
        assertEquals(0.05, json.get("rho"));
    }
}

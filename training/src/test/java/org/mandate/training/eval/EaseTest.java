package org.mandate.training.eval;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.ItemCatalogue;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.split.HoldoutSplit;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class EaseTest {

    static InteractionData tiny(int items, int[][] histories) {
        List<String> ids = java.util.stream.IntStream.range(0, items).mapToObj(i -> "i" + i).toList();
        ItemCatalogue c = new ItemCatalogue(ids, new int[items], List.of("g"), new int[items], List.of("p"), new boolean[items]);
        return new InteractionData(c, histories.length, histories);
    }

    @Test
    void twoItemsHaveTheClosedFormWeightCoOccurrenceOverPenalisedCount() {
        // G = [[3, 2], [2, 3]], λ = 1: B01 = G01 / (G00 + λ) = 0.5, and symmetrically B10 = 0.5.
        Ease ease = new Ease(tiny(2, new int[][]{{0, 1}, {0}, {0, 1}, {1}}), 1.0);
        assertEquals(0.5, ease.weight(0, 1), 1e-12);
        assertEquals(0.5, ease.weight(1, 0), 1e-12);
        assertArrayEquals(new double[]{0, 0.5}, ease.scores(new int[][]{{0}})[0], 1e-12);
    }

    @Test
    void eachColumnIsTheRidgeRegressionOfThatItemOnTheOthers() {
        int[][] h = {{0, 1}, {0, 1, 2}, {1, 2}, {0}};
        double lambda = 1.0;
        Ease ease = new Ease(tiny(3, h), lambda);
        double[][] g = new double[3][3];
        for (int[] u : h) for (int a : u) for (int b : u) g[a][b]++;
        // The constraint diag(B) = 0 separates by column: column j regresses x_j on the other two items.
        for (int j = 0; j < 3; j++) {
            int k = (j + 1) % 3, l = (j + 2) % 3;
            double a = g[k][k] + lambda, b = g[k][l], d = g[l][l] + lambda;
            double det = a * d - b * b;
            double bk = (g[k][j] * d - b * g[l][j]) / det;
            double bl = (a * g[l][j] - b * g[k][j]) / det;
            assertEquals(bk, ease.weight(k, j), 1e-9, "B[" + k + "][" + j + "]");
            assertEquals(bl, ease.weight(l, j), 1e-9, "B[" + l + "][" + j + "]");
            assertEquals(0.0, ease.weight(j, j));
        }
        double[] s = ease.scores(new int[][]{{0, 2}})[0];
        assertEquals(ease.weight(0, 1) + ease.weight(2, 1), s[1], 1e-12);
    }

    @Test
    void beatsMostPopularOnSyntheticNdcg() {
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(7).withSize(400, 800));
        HoldoutSplit split = HoldoutSplit.standard(data, 7);
        InteractionData training = split.trainingData(data);
        Evaluator evaluator = new Evaluator(training.features(), 10);
        double popular = evaluator.evaluate(new MostPopular(training), split, new TreeMap<>()).value(Relevance.ID);
        double ease = evaluator.evaluate(new Ease(training, 50), split, new TreeMap<>()).value(Relevance.ID);
        System.out.printf("[ease] ndcg@10 ease %.4f vs most-popular %.4f%n", ease, popular);
        assertTrue(ease > popular + 0.03, "EASE " + ease + " vs most-popular " + popular);
    }

    @Test
    void refusesANonPositivePenalty() {
        assertThrows(IllegalArgumentException.class, () -> new Ease(tiny(2, new int[][]{{0}}), 0));
    }

    /** Gram matrix plus λI of random histories, the matrix EASE inverts. */
    static double[][] randomGram(java.util.Random r, int items, int users, double lambda) {
        double[][] g = new double[items][items];
        for (int u = 0; u < users; u++) {
            int[] h = r.ints(1 + r.nextInt(items / 2 + 1), 0, items).distinct().toArray();
            for (int a : h) for (int b : h) g[a][b]++;
        }
        for (int i = 0; i < items; i++) g[i][i] += lambda;
        return g;
    }

    /** Textbook Gauss–Jordan inverse with partial pivoting: slow, independent of the Cholesky path. */
    static double[][] gaussJordan(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            double[] t = a[c]; a[c] = a[pivot]; a[pivot] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * n; k++) a[c][k] /= d;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = a[r][c];
                for (int k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inv[i], 0, n);
        return inv;
    }

    @Test
    void choleskyInverseEqualsGaussJordanOnRandomGramMatrices() {
        for (int seed = 1; seed <= 20; seed++) {
            java.util.Random r = new java.util.Random(seed);
            int n = 1 + r.nextInt(90);
            double lambda = 0.5 + r.nextDouble() * 50;
            double[][] g = randomGram(r, n, 1 + r.nextInt(200), lambda);
            double[][] expected = gaussJordan(g);
            double[][] p = Ease.spdInverse(g);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(expected[i][j], p[i][j], 1e-9, "seed " + seed + " P[" + i + "][" + j + "]");
                    assertEquals(p[i][j], p[j][i], "P is exactly symmetric");
                }
            }
        }
    }

    @Test
    void weightsEqualTheClosedFormFromAGaussJordanInverse() {
        for (int seed = 1; seed <= 10; seed++) {
            InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(seed).withSize(60 + 10 * seed, 150));
            double lambda = 5.0 * seed;
            Ease ease = new Ease(data, lambda);
            int n = data.itemCount();
            double[][] g = new double[n][n];
            for (int[] h : data.histories()) for (int a : h) for (int b : h) g[a][b]++;
            for (int i = 0; i < n; i++) g[i][i] += lambda;
            double[][] p = gaussJordan(g);
            for (int i = 0; i < n; i++) {
                assertEquals(0.0, ease.weight(i, i), "diag(B) = 0");
                for (int j = 0; j < n; j++) {
                    if (i == j) continue;
                    assertEquals(-p[i][j] / p[j][j], ease.weight(i, j), 1e-9, "seed " + seed + " B[" + i + "][" + j + "]");
                    // B[i][j]·P[j][j] = −P[i][j] is symmetric in i and j.
                    assertEquals(ease.weight(i, j) * p[j][j], ease.weight(j, i) * p[i][i], 1e-9);
                }
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThrows(IllegalArgumentException.class, () -> Ease.spdInverse(new double[][]{{1, 2}, {2, 1}}));
    }

    @Test
    void fitsAMovieLens100kSizedCatalogueInSeconds() {
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.movieLens100kSize(1));
        long t = System.nanoTime();
        Ease ease = new Ease(data, 200);
        double seconds = (System.nanoTime() - t) / 1e9;
        // Timing is printed, not asserted (shared CI cores); docs/benchmarks.md records it.
        System.out.printf(java.util.Locale.ROOT, "[ease] %d items: fitted in %.2f s%n", data.itemCount(), seconds);
        assertEquals(0.0, ease.weight(7, 7));
    }
}

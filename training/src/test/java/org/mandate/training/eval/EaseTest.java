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
}

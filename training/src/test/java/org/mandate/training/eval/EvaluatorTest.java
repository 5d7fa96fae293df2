package org.mandate.training.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EvaluatorTest {

    @Test
    void topKIsBestFirstSkipsExcludedItemsAndBreaksTiesByIndex() {
        double[] scores = {0.1, 0.9, 0.5, 0.9, 0.7, 0.3};
        assertArrayEquals(new int[]{1, 3, 4}, Evaluator.topK(scores, new int[0], 3));
        assertArrayEquals(new int[]{3, 2, 5}, Evaluator.topK(scores, new int[]{1, 4}, 3));
        assertArrayEquals(new int[]{0}, Evaluator.topK(scores, new int[]{1, 2, 3, 4, 5}, 3));
    }
}

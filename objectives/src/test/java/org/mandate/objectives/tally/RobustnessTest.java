package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RobustnessTest {

    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty");

    @Test
    void leaveOneOutSensitivityHandComputed() {
        // Mean of (1,0), (0,1), (0,1) is (1/3, 2/3). Without a: (0, 1), ℓ1 shift 2/3; without b or c:
        // (1/2, 1/2), shift 1/3. So a is the most influential, with 2/3.
        List<WeightBallot> ballots = List.of(
                WeightBallot.ofPoints("a", Map.of("relevance", 100)),
                WeightBallot.ofPoints("b", Map.of("novelty", 100)),
                WeightBallot.ofPoints("c", Map.of("novelty", 100)));
        Sensitivity s = Robustness.sensitivity(ballots, MENU, new MeanRule());
        assertEquals(2 / 3.0, s.maxL1Shift(), 1e-12);
        assertEquals(List.of("a"), s.mostInfluential());
        // Under the utilitarian phantoms the majority decides: removing b or c ties the vote at (1/2, 1/2).
        Sensitivity u = Robustness.sensitivity(ballots, MENU, new UtilitarianPhantomsRule());
        assertEquals(List.of("b", "c"), u.mostInfluential());
        assertEquals(1.0, u.maxL1Shift(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Robustness.sensitivity(ballots.subList(0, 1), MENU, new MeanRule()));
    }

    @Test
    void bootstrapIsSeededOrderFreeAndBracketsTheEstimate() {
        Random random = new Random(2);
        List<WeightBallot> ballots = new ArrayList<>();
        for (int v = 0; v < 40; v++) {
            int p = random.nextInt(101);
            ballots.add(WeightBallot.ofPoints("v" + v, Map.of("relevance", p, "novelty", 100 - p)));
        }
        BootstrapInterval first = Robustness.bootstrap(ballots, MENU, new IndependentMarketsRule(), 200, 42, 0.9);
        Collections.shuffle(ballots, random);
        BootstrapInterval again = Robustness.bootstrap(ballots, MENU, new IndependentMarketsRule(), 200, 42, 0.9);
        assertEquals(first.canonicalJson(), again.canonicalJson());
        double estimate = Tally.run(ballots, MENU, new IndependentMarketsRule()).weights().get("relevance");
        assertTrue(first.lower().get("relevance") <= estimate && estimate <= first.upper().get("relevance"));
        assertTrue(first.upper().get("relevance") - first.lower().get("relevance") > 0);
        // A unanimous panel has no sampling uncertainty.
        List<WeightBallot> same = new ArrayList<>();
        for (int v = 0; v < 5; v++) same.add(WeightBallot.ofPoints("u" + v, Map.of("relevance", 30, "novelty", 70)));
        BootstrapInterval none = Robustness.bootstrap(same, MENU, new MeanRule(), 50, 1, 0.95);
        assertEquals(none.lower().get("relevance"), none.upper().get("relevance"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Robustness.bootstrap(same, MENU, new MeanRule(), 0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Robustness.bootstrap(same, MENU, new MeanRule(), 10, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Robustness.bootstrap(same, MENU, new MeanRule(), 10, Long.MAX_VALUE, 0.9));
    }
}

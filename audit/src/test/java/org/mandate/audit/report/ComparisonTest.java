package org.mandate.audit.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ComparisonTest {

    private final Comparison c = ReportFixtures.input("t").comparisons().getFirst();

    private Comparison.Row row(String id) {
        return c.rows().stream().filter(r -> r.objective().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void improvementFollowsEachObjectivesDirection() {
        // novelty is maximised: 7.2 -> 8.9 is better
        assertEquals(1.7, row("novelty").improvement(), 1e-12);
        assertEquals(1.7 / 7.2, row("novelty").relativeImprovement(), 1e-12);
        // provider distance is minimised: 0.40 -> 0.22 is better
        assertEquals(0.18, row("provider_fairness").improvement(), 1e-12);
        assertEquals(0.45, row("provider_fairness").relativeImprovement(), 1e-12);
        // relevance is maximised: 0.31 -> 0.29 is worse
        assertEquals(-0.02, row("relevance").improvement(), 1e-12);
    }

    @Test
    void movementReadsTheChangeAgainstTheWeights() {
        assertEquals(Movement.AS_ASKED, row("novelty").movement());
        assertEquals(Movement.AS_ASKED, row("provider_fairness").movement());
        assertEquals(Movement.ACCEPTED_COST, row("relevance").movement());
        assertEquals(1.0, row("relevance").baselineWeight());
        assertEquals(0.5, row("relevance").weight());
        assertTrue(c.trainedUnderMandate());
        assertEquals(List.of("relevance", "novelty", "provider_fairness"), c.rows().stream().map(r -> r.objective().id()).toList());
    }

    @Test
    void boundsAreCheckedOnTheComparedRun() {
        Comparison.BoundCheck ceiling = row("provider_fairness").bounds().getFirst();
        assertEquals(0.25, ceiling.bound().value());
        assertTrue(ceiling.met()); // 0.22 <= 0.25
    }

    @Test
    void movementTable() {
        assertEquals(Movement.AS_ASKED, Movement.of(0.1, 0.5));
        assertEquals(Movement.AGAINST, Movement.of(0.1, -0.5));
        assertEquals(Movement.NO_EFFECT, Movement.of(0.1, 0.0));
        assertEquals(Movement.ACCEPTED_COST, Movement.of(-0.1, -0.5));
        assertEquals(Movement.HELD_UP, Movement.of(-0.1, 0.5));
        assertEquals(Movement.NOT_ASKED, Movement.of(0, 0.5));
        assertEquals(Movement.NOT_MEASURED, Movement.of(0.1, null));
        assertFalse(Movement.AGAINST.consistent());
    }
}

package org.mandate.objectives.mandate;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.testing.RandomCases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalWeightsTest {

    private static final Mandate VOTED = new Mandate(new TreeMap<>(Map.of("relevance", 0.5, "novelty", 0.3, "provider_fairness", 0.2)),
            null, null, null, null);
    private static final Mandate OPEN = VOTED.withPersonalisation(new Personalisation(0.25, Set.of("provider_fairness")));

    private static PersonalWeights.Reason refusal(Mandate m, Map<String, Double> w) {
        return assertInstanceOf(PersonalWeights.Refused.class, PersonalWeights.validate(m, w)).reason();
    }

    @Test
    void theVotedWeightsAreAlwaysAccepted() {
        PersonalWeights.Accepted a = assertInstanceOf(PersonalWeights.Accepted.class, PersonalWeights.validate(VOTED, VOTED.weights()));
        assertEquals(VOTED.weights(), a.weights());
        assertEquals(0, a.shift(), 1e-12);
    }

    @Test
    void withoutPersonalisationAnyOtherWeightsAreRefused() {
        assertEquals(PersonalWeights.Reason.NOT_ALLOWED, refusal(VOTED, Map.of("relevance", 0.45, "novelty", 0.35, "provider_fairness", 0.2)));
    }

    @Test
    void withinTheShiftAndLocksWeightsAreAcceptedAndRescaled() {
        PersonalWeights.Accepted a = assertInstanceOf(PersonalWeights.Accepted.class,
                PersonalWeights.validate(OPEN, Map.of("relevance", 0.3, "novelty", 0.5, "provider_fairness", 0.2, "diversity", 0.0)));
        assertEquals(0.2, a.shift(), 1e-12);
        assertEquals(Map.of("relevance", 0.3, "novelty", 0.5, "provider_fairness", 0.2), a.weights());
        // A locked objective may be raised.
        assertInstanceOf(PersonalWeights.Accepted.class, PersonalWeights.validate(OPEN, Map.of("relevance", 0.4, "novelty", 0.2, "provider_fairness", 0.4)));
        // A new objective may take weight, within the shift.
        assertInstanceOf(PersonalWeights.Accepted.class, PersonalWeights.validate(OPEN, Map.of("relevance", 0.4, "novelty", 0.3, "provider_fairness", 0.2, "diversity", 0.1)));
        // Exactly at the limit.
        assertInstanceOf(PersonalWeights.Accepted.class, PersonalWeights.validate(OPEN, Map.of("relevance", 0.25, "novelty", 0.55, "provider_fairness", 0.2)));
    }

    @Test
    void eachRuleHasItsReason() {
        assertEquals(PersonalWeights.Reason.SHIFT_TOO_LARGE, refusal(OPEN, Map.of("relevance", 0.2, "novelty", 0.6, "provider_fairness", 0.2)));
        assertEquals(PersonalWeights.Reason.LOCKED_LOWERED, refusal(OPEN, Map.of("relevance", 0.5, "novelty", 0.4, "provider_fairness", 0.1)));
        assertEquals(PersonalWeights.Reason.NOT_ON_SIMPLEX, refusal(OPEN, Map.of("relevance", 0.5, "novelty", 0.3)));
        assertEquals(PersonalWeights.Reason.NOT_ON_SIMPLEX, refusal(OPEN, Map.of()));
        assertEquals(PersonalWeights.Reason.UNKNOWN_OBJECTIVE, refusal(OPEN, Map.of("relevance", 0.5, "watch_time", 0.5)));
        assertEquals(PersonalWeights.Reason.INVALID_NUMBER, refusal(OPEN, Map.of("relevance", 1.2, "novelty", -0.2)));
        assertEquals(PersonalWeights.Reason.INVALID_NUMBER, refusal(OPEN, Map.of("relevance", Double.NaN)));
        assertEquals(PersonalWeights.Reason.INVALID_NUMBER, refusal(OPEN, Map.of("relevance", Double.POSITIVE_INFINITY)));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("relevance", null);
        assertEquals(PersonalWeights.Reason.INVALID_NUMBER, refusal(OPEN, withNull));
        assertEquals("shift-too-large", PersonalWeights.Reason.SHIFT_TOO_LARGE.slug());
    }

    @Test
    void acceptedExactlyWhenWithinTheRules() {
        List<String> ids = Catalogue.all().stream().map(Objective::id).toList();
        RandomCases.forAll("personal weights accepted iff within shift and locks", 300, c -> {
            Random rng = c.random();
            double maxShift = c.intIn("shift_percent", 0, 100) / 100.0;
            Mandate m = OPEN.withPersonalisation(new Personalisation(maxShift, Set.of("provider_fairness")));
            TreeMap<String, Double> w = new TreeMap<>();
            double total = 0;
            for (String id : ids) {
                double x = rng.nextDouble() < 0.5 ? 0 : rng.nextDouble();
                w.put(id, x);
                total += x;
            }
            if (total == 0) w.put("relevance", total = 1);
            double sum = total;
            w.replaceAll((id, x) -> x / sum);
            double shift = PersonalWeights.distance(m.weights(), w);
            boolean lockedOk = w.get("provider_fairness") >= 0.2 - PersonalWeights.TOLERANCE;
            PersonalWeights outcome = PersonalWeights.validate(m, w);
            boolean shouldAccept = shift <= PersonalWeights.TOLERANCE || (lockedOk && shift <= maxShift + PersonalWeights.TOLERANCE);
            assertEquals(shouldAccept, outcome instanceof PersonalWeights.Accepted, "shift " + shift + " locked ok " + lockedOk + " → " + outcome);
            if (outcome instanceof PersonalWeights.Accepted a) {
                assertEquals(1, a.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
                assertTrue(a.shift() <= maxShift + PersonalWeights.TOLERANCE);
            }
        });
    }
}

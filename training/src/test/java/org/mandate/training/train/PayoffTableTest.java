package org.mandate.training.train;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.model.WeightedTerm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class PayoffTableTest {

    private static Map<String, Double> row(double rel, double nov, double fair) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("relevance", rel);
        r.put("novelty", nov);
        r.put("provider_fairness", fair);
        return r;
    }

    private static final List<String> IDS = List.of("relevance", "novelty", "provider_fairness");

    private static PayoffTable table() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("relevance", row(200, -8, 0.05));
        m.put("novelty", row(300, -12, 0.10));
        m.put("provider_fairness", row(250, -9, 0.05));
        return new PayoffTable(IDS, m, 3);
    }

    @Test
    void idealIsTheDiagonalAndNadirTheNearestOtherOptimum() {
        PayoffTable t = table();
        assertEquals(200, t.ideal("relevance"));
        // The novelty optimum (300) is the degenerate extreme; the fairness optimum (250) is the nearer trade-off.
        assertEquals(250, t.nadir("relevance"));
        assertEquals(-12, t.ideal("novelty"));
        assertEquals(-9, t.nadir("novelty"));
        assertEquals(3, t.gap("novelty"), 1e-12);
        assertEquals(0.10, t.nadir("provider_fairness"), 1e-12, "the relevance optimum ties the ideal and bounds nothing");
        assertEquals(PayoffTable.NADIR_RULE, ((Map<?, ?>) t.toJsonValue()).get("nadir_rule"));
    }

    @Test
    void aTermTheOthersCannotHurtGetsAFlooredGapNotADivisionByZero() {
        PayoffTable t = table();
        // provider_fairness: ideal 0.05, nadir 0.10 (the relevance optimum ties the ideal) — fine; when every
        // other optimum ties it, the gap is floored.
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("relevance", row(200, -8, 0.05));
        m.put("novelty", row(300, -12, 0.05));
        m.put("provider_fairness", row(250, -9, 0.05));
        PayoffTable flat = new PayoffTable(IDS, m, 3);
        assertEquals(PayoffTable.MIN_GAP, flat.gap("provider_fairness"), 1e-15);
        assertEquals(0.05, t.gap("provider_fairness"), 1e-12);
    }

    @Test
    void termsNormaliseEachWeightedSurrogateByItsGap() {
        Mandate m = new Mandate(new TreeMap<>(Map.of("relevance", 0.5, "novelty", 0.25, "provider_fairness", 0.25)),
                List.of(), DataUseRules.NONE, null, Provenance.baseline("test"));
        List<WeightedTerm> terms = table().terms(m);
        assertEquals(new WeightedTerm("novelty", 0.25, -12, 3), terms.get(1));
        assertEquals(new WeightedTerm("relevance", 0.5, 200, 50), terms.get(0));
        assertEquals(new WeightedTerm("provider_fairness", 0.25, 0.05, 0.05), terms.get(2));
    }

    @Test
    void aSingleObjectiveMandateIsNotCalibrated() {
        PayoffTable t = PayoffTable.uncalibrated(List.of("relevance"));
        assertFalse(t.calibrated());
        assertEquals(List.of(new WeightedTerm("relevance", 1, 0, 1)), t.terms(Mandate.relevanceOnly()));
        assertThrows(IllegalStateException.class, () -> t.ideal("relevance"));
    }

    @Test
    void anIncompleteTableIsRejected() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("relevance", row(200, -8, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new PayoffTable(IDS, m, 3));
    }
}

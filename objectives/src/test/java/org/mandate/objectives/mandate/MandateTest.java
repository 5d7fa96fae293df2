package org.mandate.objectives.mandate;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.tally.MeanRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MandateTest {

    @Test
    void jsonRoundTripKeepsBytesAndHash() {
        TallyRecord tally = Tally.run(List.of(
                WeightBallot.ofPoints("a", Map.of("relevance", 60, "novelty", 40)),
                WeightBallot.ofPoints("b", Map.of("relevance", 40, "provider_fairness", 60))),
                ObjectiveMenu.of("relevance", "novelty", "provider_fairness"), new MeanRule());
        Mandate m = Mandate.fromTally(tally, List.of(new Bound("novelty", Bound.Kind.FLOOR, 8.5)),
                new DataUseRules(List.of("age", "gender"), 365),
                new TreeMap<>(Map.of("in-house", 0.4, "independent", 0.3, "regional", 0.3)), "panel 1");
        Mandate back = Mandate.fromJson(m.canonicalJson());
        assertEquals(m, back);
        assertEquals(m.sha256(), back.sha256());
        assertEquals(tally.sha256(), back.provenance().tallyHash());
        assertEquals(0.5, back.weight("relevance"), 1e-12);
    }

    @Test
    void differentMandatesHaveDifferentHashes() {
        Mandate base = Mandate.relevanceOnly();
        Mandate other = new Mandate(new TreeMap<>(Map.of("relevance", 0.5, "novelty", 0.5)), null, null, null, null);
        assertNotEquals(base.sha256(), other.sha256());
    }

    @Test
    void invalidMandatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Mandate(new TreeMap<>(Map.of("relevance", 0.5)), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Mandate(new TreeMap<>(Map.of("watch_time", 1.0)), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Mandate(new TreeMap<>(), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Mandate(new TreeMap<>(Map.of("relevance", 1.0)), null, null,
                new TreeMap<>(Map.of("in-house", 0.9)), null));
        assertThrows(IllegalArgumentException.class, () -> Mandate.fromJson("{\"schema_version\": 2, \"weights\": {\"relevance\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> Mandate.fromJson("{\"weights\": {\"relevance\": \"all\"}}"));
        assertThrows(IllegalArgumentException.class, () -> Mandate.fromJson("not json"));
    }
}

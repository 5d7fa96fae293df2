package org.mandate.objectives.mandate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalisationTest {

    /** A mandate as written before personalisation existed, and its SHA-256 computed by the code of that time. */
    private static final String OLD_MANDATE = "{\"schema_version\":1,\"weights\":{\"relevance\":0.5,\"novelty\":0.3,\"provider_fairness\":0.2},"
            + "\"bounds\":[{\"objective\":\"novelty\",\"kind\":\"floor\",\"value\":8.5}],"
            + "\"data_use\":{\"forbidden_attributes\":[\"age\"],\"max_interaction_age_days\":365},"
            + "\"exposure_targets\":{\"in-house\":0.4,\"independent\":0.3,\"regional\":0.3},"
            + "\"provenance\":{\"tally_hash\":null,\"label\":\"panel 1\"}}";
    private static final String OLD_HASH = "b9187bfddb8d5c62d6120f59a6c8a896344021d169cc8ed89bdd61f60e608539";
    private static final String OLD_RELEVANCE_ONLY_HASH = "d0be3c53c4d74d2c26f67e51790758993dccdd43befd30b9011655553a1ae67f";

    @Test
    void mandatesWithoutPersonalisationKeepTheirBytesAndHash() {
        Mandate m = Mandate.fromJson(OLD_MANDATE);
        assertNull(m.personalisation());
        assertEquals(OLD_HASH, m.sha256());
        assertFalse(m.canonicalJson().contains("personalisation"));
        assertEquals(OLD_RELEVANCE_ONLY_HASH, Mandate.relevanceOnly().sha256());
    }

    @Test
    void personalisationIsPartOfTheIdentityAndRoundTrips() {
        Mandate base = Mandate.fromJson(OLD_MANDATE);
        Mandate open = base.withPersonalisation(new Personalisation(0.2, Set.of("provider_fairness", "novelty")));
        assertNotEquals(base.sha256(), open.sha256());
        assertTrue(open.canonicalJson().contains("\"personalisation\":{\"locked\":[\"novelty\",\"provider_fairness\"],\"max_shift\":0.2}"),
                open.canonicalJson());
        Mandate back = Mandate.fromJson(open.canonicalJson());
        assertEquals(open, back);
        assertEquals(open.sha256(), back.sha256());
        // The set's order does not change the bytes.
        assertEquals(open.sha256(), base.withPersonalisation(new Personalisation(0.2, new java.util.LinkedHashSet<>(List.of("novelty", "provider_fairness")))).sha256());
    }

    @Test
    void invalidPersonalisationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Personalisation(-0.1, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Personalisation(1.5, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Personalisation(Double.NaN, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Personalisation(0.1, Set.of("watch_time")));
        Mandate m = new Mandate(new TreeMap<>(Map.of("relevance", 1.0)), null, null, null, null);
        String text = m.canonicalJson();
        assertThrows(IllegalArgumentException.class, () -> Mandate.fromJson(text.replace("}", ",\"personalisation\":{\"locked\":[]}}")));
        assertThrows(IllegalArgumentException.class, () -> Mandate.fromJson(text.replace("}", ",\"personalisation\":7}")));
    }
}

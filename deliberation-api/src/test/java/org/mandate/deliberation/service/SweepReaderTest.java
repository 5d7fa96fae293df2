package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SweepFixture;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepReaderTest {

    static final List<String> THREE = List.of("relevance", "novelty", "provider_fairness");

    @Test
    void readsTheFullLatticeAndItsCanonicalFormReadsBackTheSame() {
        Sweep s = SweepReader.read(SweepFixture.json(THREE, 4));
        assertEquals(THREE, s.objectives());
        assertEquals(15, s.points().size());
        assertEquals(4, s.divisions());
        assertEquals(1.0, s.points().get(s.baseline()).weight("relevance"), "the baseline is the relevance-only point");
        assertEquals(2, s.points().getFirst().exampleSlates().size());
        Sweep again = SweepReader.read(s.canonicalJson());
        assertEquals(s.sha256(), again.sha256());
        assertEquals(s, again);
    }

    @Test
    void refusesWhatTheFormatForbidsWithThePathOfTheProblem() {
        assertRefused(j -> j.put("format", "mandate-sweep/2"), "format");
        assertRefused(j -> j.remove("format"), "format");
        assertRefused(j -> j.put("objectives", List.of("relevance", "engagement")), "objectives[1]");
        assertRefused(j -> j.put("objectives", List.of("relevance")), "objectives");
        assertRefused(j -> j.put("step", 0.3), "step");
        assertRefused(j -> j.put("step", -0.25), "step");
        assertRefused(j -> j.put("k", 0), "k");
        assertRefused(j -> point(j, 3).put("weights", Map.of("relevance", 0.5, "novelty", 0.25, "provider_fairness", 0.5)), "points[3].weights: the weights sum to");
        assertRefused(j -> point(j, 3).put("weights", Map.of("relevance", 0.5, "novelty", 0.5, "provider_fairness", 0.0, "coverage", 0.0)), "points[3].weights.coverage");
        assertRefused(j -> point(j, 3).put("weights", Map.of("relevance", 0.6, "novelty", 0.4, "provider_fairness", 0.0)), "not on the lattice");
        assertRefused(j -> point(j, 2).put("weights", Map.of("relevance", 1.0, "novelty", 0.0, "provider_fairness", 0.0)), "the same weights appear");
        assertRefused(j -> metrics(j, 5).put("novelty", "NaN"), "points[5].metrics.novelty: expected a number");
        assertRefused(j -> metrics(j, 5).put("novelty", null), "points[5].metrics.novelty");
        assertRefused(j -> metrics(j, 5).put("diversity", 0.5), "metric_labels");
        assertRefused(j -> metrics(j, 5).remove("coverage"), "points[5].metrics");
        assertRefused(j -> point(j, 1).put("non_dominated", "yes"), "points[1].non_dominated");
        assertRefused(j -> point(j, 1).put("model_sha256", "abc"), "points[1].model_sha256");
        assertRefused(j -> point(j, 1).put("example_slates", List.of(Map.of("user", "someone else", "items", List.of()))), "example_slates");
        assertRefused(j -> j.put("points", List.of()), "points");
        // non-finite numbers cannot even be written in JSON; an overflowing literal is refused as not finite
        String overflow = SweepFixture.json(THREE, 4).replaceFirst("\"novelty\":8", "\"novelty\":1e999");
        Refused e = assertThrows(Refused.class, () -> SweepReader.read(overflow));
        assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
        assertThrows(Refused.class, () -> SweepReader.read(SweepFixture.json(THREE, 4).replaceFirst("\"novelty\":8", "\"novelty\":NaN")));
        assertThrows(Refused.class, () -> SweepReader.read("{\"format\":\"mandate-sweep/1\",\"format\":\"mandate-sweep/1\"}"), "duplicate keys");
        assertThrows(Refused.class, () -> SweepReader.read("[]"));
        assertThrows(Refused.class, () -> SweepReader.read("{"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> point(Map<String, Object> json, int i) {
        return (Map<String, Object>) ((List<Object>) json.get("points")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> json, int i) {
        return (Map<String, Object>) point(json, i).get("metrics");
    }

    private static void assertRefused(Consumer<Map<String, Object>> damage, String expected) {
        Map<String, Object> json = Json.parseObject(SweepFixture.json(THREE, 4));
        damage.accept(json);
        Refused e = assertThrows(Refused.class, () -> SweepReader.read(CanonicalJson.write(json)), expected);
        assertEquals(Refused.Kind.INVALID_SWEEP, e.kind());
        assertTrue(e.getMessage().startsWith("sweep file: ") && e.getMessage().contains(expected), () -> expected + " not in: " + e.getMessage());
    }
}

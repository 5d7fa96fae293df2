package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SweepFixture;
import org.mandate.deliberation.http.ProblemTranslation;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.mandate.training.sweep.SweepFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepReaderTest {

    static final List<String> THREE = List.of("relevance", "novelty", "provider_fairness");
    /** Every refusal the tests provoke, so one test can check each has a French form. */
    private static final List<String> REFUSALS = Collections.synchronizedList(new ArrayList<>());

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

    @Test
    void readsWhatTheTrainingModulesWriterWrites() {
        // the writer and this reader share one definition of the format: a file SweepFile writes is accepted as it is
        List<SweepFile.Point> points = new ArrayList<>();
        for (double[] w : new double[][]{{1, 0}, {0.5, 0.5}, {0, 1}}) {
            var slate = new org.mandate.training.sweep.ExampleSlate("u3", List.of(new org.mandate.training.sweep.ExampleSlate.Item("i9", "i9 (news)", "regional", List.of("local"))));
            points.add(new SweepFile.Point(new TreeMap<>(Map.of("relevance", w[0], "novelty", w[1])),
                    new TreeMap<>(Map.of("relevance", 0.3 - 0.1 * w[1], "novelty", 8 + w[1])), true, "ab".repeat(32), List.of(slate)));
        }
        SweepFile written = new SweepFile(List.of("relevance", "novelty"), 0.5, 10,
                new TreeMap<>(Map.of("relevance", "NDCG@10", "novelty", "mean self-information (bits)")), points);
        Sweep read = SweepReader.read(written.json());
        assertEquals(List.of("relevance", "novelty"), read.objectives());
        assertEquals(2, read.divisions());
        assertEquals(3, read.points().size());
        assertEquals(0.5, read.points().get(1).weight("novelty"));
        assertEquals("regional", read.points().get(2).exampleSlates().getFirst().items().getFirst().providerGroup());
        assertEquals(written.points().get(1).metrics(), read.points().get(1).metrics());
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesWhatVotersShouldNotBeShownWithThePathOfTheProblem() {
        assertRefused(j -> item(j, 4, 1, 2).put("title", "x".repeat(301)), "points[4].example_slates[1].items[2].title: expected a string of at most 300");
        assertRefused(j -> item(j, 4, 0, 0).put("title", "Bell\u0007"), "points[4].example_slates[0].items[0].title: control characters are not allowed");
        assertRefused(j -> item(j, 0, 0, 1).put("tags", List.of("local", "a\u0000b")), "points[0].example_slates[0].items[1].tags[1]: control characters");
        assertRefused(j -> j.put("metric_labels", Map.of("relevance", "x".repeat(201), "novelty", "n", "coverage", "c", "provider_fairness", "p", "public_value", "v")),
                "metric_labels.relevance: expected a string of at most 200");
        assertRefused(j -> {
            List<Object> slates = new ArrayList<>();
            for (int s = 0; s < 11; s++) slates.add(Map.of("user", "u" + s, "items", List.of()));
            for (Object p : (List<?>) j.get("points")) ((Map<String, Object>) p).put("example_slates", slates);
        }, "points[0].example_slates: at most 10 example slates");
        assertRefused(j -> {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < 51; i++) items.add(Map.of("id", "i" + i, "title", "t", "provider_group", "g", "tags", List.of()));
            ((Map<String, Object>) ((List<Object>) point(j, 0).get("example_slates")).getFirst()).put("items", items);
        }, "points[0].example_slates[0].items: expected an array of at most 50 items");
        // one JSON value per key: a repeated key would mean one thing to this reader and another to a different parser
        Refused dup = assertThrows(Refused.class, () -> SweepReader.read(SweepFixture.json(THREE, 4).replaceFirst("\\{\"format\"", "{\"k\":3,\"format\"")));
        assertTrue(dup.getMessage().startsWith("sweep file: the file is not valid JSON: Duplicate field 'k'"), dup.getMessage());
    }

    @Test
    void everyRefusalHasAFrenchForm() {
        refusesWhatTheFormatForbidsWithThePathOfTheProblem();
        refusesWhatVotersShouldNotBeShownWithThePathOfTheProblem();
        assertTrue(REFUSALS.size() >= 25, "refusals seen: " + REFUSALS.size());
        for (String english : REFUSALS) {
            assertTrue(ProblemTranslation.isTranslated(english), "no French form for: " + english);
            String french = ProblemTranslation.detail(english, Locale.FRENCH);
            assertTrue(french.startsWith("fichier de balayage : "), french);
            assertFalse(french.contains("expected") || french.contains("not "), "English left in: " + french);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> point(Map<String, Object> json, int i) {
        return (Map<String, Object>) ((List<Object>) json.get("points")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> json, int i) {
        return (Map<String, Object>) point(json, i).get("metrics");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> json, int p, int slate, int i) {
        Map<String, Object> s = (Map<String, Object>) ((List<Object>) point(json, p).get("example_slates")).get(slate);
        return (Map<String, Object>) ((List<Object>) s.get("items")).get(i);
    }

    private static void assertRefused(Consumer<Map<String, Object>> damage, String expected) {
        // the fixture's maps are immutable in places: a deep mutable copy through JSON
        Map<String, Object> json = Json.parseObject(SweepFixture.json(THREE, 4));
        damage.accept(json);
        Refused e = assertThrows(Refused.class, () -> SweepReader.read(CanonicalJson.write(json)), expected);
        REFUSALS.add(e.getMessage());
        assertEquals(Refused.Kind.INVALID_SWEEP, e.kind());
        assertTrue(e.getMessage().startsWith("sweep file: ") && e.getMessage().contains(expected), () -> expected + " not in: " + e.getMessage());
    }
}

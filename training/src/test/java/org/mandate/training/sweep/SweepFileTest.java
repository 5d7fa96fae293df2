package org.mandate.training.sweep;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

class SweepFileTest {

    private static final String SHA = "ab".repeat(32);

    private static SweepFile.Point point(double relevance, double novelty, double ndcg, boolean front) {
        List<ExampleSlate> slates = List.of(
                new ExampleSlate("u17", List.of(new ExampleSlate.Item("i42", "i42 (drama)", "independent", List.of("local")))),
                new ExampleSlate("u903", List.of(new ExampleSlate.Item("i7", "i7 (news)", "in-house", List.of()))));
        return new SweepFile.Point(new TreeMap<>(Map.of("relevance", relevance, "novelty", novelty)),
                new TreeMap<>(Map.of("relevance", ndcg, "novelty", 8.3, "coverage", 0.12)), front, SHA, slates);
    }

    private static SweepFile file() {
        return new SweepFile(List.of("relevance", "novelty"), 0.5, 10,
                new TreeMap<>(Map.of("relevance", "NDCG@10", "novelty", "bits", "coverage", "share")),
                List.of(point(1, 0, 0.34, true), point(0.5, 0.5, 0.30, true), point(0, 1, 0.10, false)));
    }

    @Test
    void writesTheSharedFormatAndReadsItBack(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        SweepFile f = file();
        Map<String, Object> json = Json.parseObject(f.json());
        assertEquals("mandate-sweep/1", json.get("format"));
        assertEquals(List.of("relevance", "novelty"), json.get("objectives"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) json.get("points")).getFirst();
        assertEquals(SHA, first.get("model_sha256"));
        assertEquals(Boolean.TRUE, first.get("non_dominated"));
        assertEquals(List.of("example_slates", "metrics", "model_sha256", "non_dominated", "weights"),
                List.copyOf(new TreeMap<>(first).keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) ((List<?>) ((Map<?, ?>) ((List<?>) first.get("example_slates")).getFirst()).get("items")).getFirst();
        assertEquals(Map.of("id", "i42", "title", "i42 (drama)", "provider_group", "independent", "tags", List.of("local")), item);

        Path file = dir.resolve("sweep.json");
        f.write(file);
        SweepFile back = SweepFile.read(file);
        assertEquals(f, back);
        assertEquals(f.json(), Files.readString(file));
    }

    /** Edits the JSON tree of a valid file and expects the reader to refuse it, naming {@code path}. */
    @SuppressWarnings("unchecked")
    private static void refused(String path, Consumer<Map<String, Object>> edit) {
        Map<String, Object> json = Json.parseObject(file().json());
        edit.accept(json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepFile.read(CanonicalJson.write(json)));
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> point(Map<String, Object> json, int p) {
        return (Map<String, Object>) ((List<Object>) json.get("points")).get(p);
    }

    @SuppressWarnings("unchecked")
    @Test
    void refusesWhatTheContractForbids() {
        refused("format", j -> j.put("format", "mandate-sweep/2"));
        refused("format", j -> j.remove("format"));
        refused("objectives[1]", j -> j.put("objectives", List.of("relevance", "popularity")));
        refused("objectives", j -> j.put("objectives", List.of("relevance")));
        refused("step", j -> j.put("step", 0.3));
        refused("points[1].weights", j -> ((Map<String, Object>) point(j, 1).get("weights")).put("novelty", 0.6));
        refused("points[0].weights.diversity", j -> ((Map<String, Object>) point(j, 0).get("weights")).put("diversity", 0));
        refused("points[2].weights.novelty", j -> ((Map<String, Object>) point(j, 2).get("weights")).remove("novelty"));
        refused("points[1].metrics.novelty", j -> ((Map<String, Object>) point(j, 1).get("metrics")).put("novelty", "NaN"));
        refused("points[1].metrics.recall", j -> ((Map<String, Object>) point(j, 1).get("metrics")).put("recall", 0.2));
        refused("points[0].model_sha256", j -> point(j, 0).put("model_sha256", "xyz"));
        refused("points[2].non_dominated", j -> point(j, 2).put("non_dominated", "yes"));
        refused("points[1].example_slates", j -> ((List<Object>) point(j, 1).get("example_slates")).removeLast());
        refused("points[1].weights", j -> point(j, 1).put("weights", new TreeMap<>(Map.of("relevance", 1, "novelty", 0))));
        refused("format", j -> j.clear());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepFile.read("[1, 2")).getMessage().startsWith("not a sweep file"));
    }

    @Test
    void acceptsWeightsWithinTheTolerance() {
        List<SweepFile.Point> points = new ArrayList<>();
        points.add(new SweepFile.Point(new TreeMap<>(Map.of("relevance", 1.0 / 3 + 4e-7, "novelty", 2.0 / 3)),
                new TreeMap<>(Map.of("relevance", 0.3)), false, SHA, List.of()));
        SweepFile f = new SweepFile(List.of("relevance", "novelty"), 1.0 / 3, 10, new TreeMap<>(Map.of("relevance", "NDCG@10")), points);
        assertEquals(f, SweepFile.read(f.json()));
    }
}

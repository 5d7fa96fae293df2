package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SweepFixture;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeOffsTest {

    @Test
    void isExactOnLatticePoints() {
        TradeOffs t = new TradeOffs(SweepReader.read(SweepFixture.json(SweepReaderTest.THREE, 4)));
        for (int i = 0; i < t.sweep().points().size(); i++) {
            SweepPoint p = t.sweep().points().get(i);
            TradeOff at = t.predict(p.weights());
            assertEquals("exact", at.method());
            assertEquals(i, at.vertices().getFirst().point());
            assertEquals(i, at.nearest());
            p.metrics().forEach((k, v) -> assertEquals(v, at.metrics().get(k), 1e-12));
        }
    }

    /** Metrics linear in the weights are reproduced exactly anywhere on the simplex: the interpolation is barycentric, not nearest. */
    @Test
    void interpolatesLinearMetricsExactlyBetweenLatticePoints() {
        Random random = new Random(11);
        for (List<String> objectives : List.of(List.of("relevance", "novelty"), SweepReaderTest.THREE,
                List.of("relevance", "novelty", "provider_fairness", "public_value"))) {
            for (int divisions : new int[] {2, 4, 10}) {
                TradeOffs t = new TradeOffs(SweepReader.read(SweepFixture.json(objectives, divisions)));
                for (int trial = 0; trial < 300; trial++) {
                    Map<String, Double> w = new LinkedHashMap<>();
                    for (String id : objectives) w.put(id, random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 100);
                    if (w.values().stream().allMatch(x -> x == 0)) w.put("relevance", 1.0);
                    TradeOff p = t.predict(w);
                    assertTrue(p.method().equals("barycentric") || p.method().equals("exact"), p.method());
                    assertEquals(1.0, p.vertices().stream().mapToDouble(TradeOff.Vertex::lambda).sum(), 1e-9);
                    assertTrue(p.vertices().size() <= objectives.size());
                    Map<String, Double> expected = SweepFixture.linearMetrics(p.weights());
                    expected.forEach((k, v) -> assertEquals(v, p.metrics().get(k), 1e-9, () -> k + " at " + w));
                    // the interpolated weights themselves are reproduced: the vertices surround the point
                    for (String id : objectives) {
                        double mixed = p.vertices().stream().mapToDouble(x -> x.lambda() * t.sweep().points().get(x.point()).weight(id)).sum();
                        assertEquals(p.weights().get(id), mixed, 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void changesAreRelativeToTheRelevanceOnlyPoint() {
        TradeOffs t = new TradeOffs(SweepReader.read(SweepFixture.json(SweepReaderTest.THREE, 4)));
        TradeOff p = t.predict(Map.of("relevance", 50, "novelty", 50));
        double base = 0.34, now = 0.34 - 0.08 * 0.5;
        assertEquals((now - base) / base, p.changes().get("relevance"), 1e-12);
        assertEquals(1.0, t.sweep().points().get(p.baseline()).weight("relevance"));
        assertEquals(0.5, p.weights().get("novelty"), 1e-12, "points are normalised");
    }

    @Test
    void aMissingLatticePointFallsBackToTheNearestAndSaysSo() {
        Map<String, Object> json = Json.parseObject(SweepFixture.json(SweepReaderTest.THREE, 4));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) json.get("points");
        points.removeIf(p -> ((Map<?, ?>) p.get("weights")).get("relevance").equals(0.5) && ((Map<?, ?>) p.get("weights")).get("novelty").equals(0.25));
        TradeOffs t = new TradeOffs(SweepReader.read(CanonicalJson.write(json)));
        TradeOff p = t.predict(Map.of("relevance", 0.55, "novelty", 0.3, "provider_fairness", 0.15));
        assertEquals("nearest", p.method());
        assertEquals(1, p.vertices().size());
        assertEquals(p.nearest(), p.vertices().getFirst().point());
    }

    @Test
    void refusesWeightsItCannotPlace() {
        TradeOffs t = new TradeOffs(SweepReader.read(SweepFixture.json(SweepReaderTest.THREE, 4)));
        for (Map<String, Double> bad : List.of(Map.of("coverage", 1.0), Map.of("relevance", -1.0, "novelty", 2.0), Map.of("relevance", Double.NaN),
                Map.of("relevance", Double.POSITIVE_INFINITY), Map.of("relevance", 0.0), Map.<String, Double>of())) {
            Refused e = assertThrows(Refused.class, () -> t.predict(bad), bad::toString);
            assertEquals(Refused.Kind.INVALID, e.kind());
        }
    }
}

package org.mandate.deliberation;

import org.mandate.objectives.json.CanonicalJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sweep files in the {@code mandate-sweep/1} format for tests: the full simplex lattice over some
 * objectives with metrics that are a known linear function of the weights (so interpolation can be
 * checked exactly), example slates whose titles name their lattice point, and a few dominated points.
 */
public final class SweepFixture {

    private SweepFixture() {}

    /** Metrics linear in the weights: relevance falls as novelty and fair exposure rise, novelty and local share rise. */
    public static Map<String, Double> linearMetrics(Map<String, Double> w) {
        double nov = w.getOrDefault("novelty", 0.0), pf = w.getOrDefault("provider_fairness", 0.0), pv = w.getOrDefault("public_value", 0.0);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("relevance", 0.34 - 0.08 * nov - 0.04 * pf - 0.02 * pv);
        m.put("novelty", 8.0 + 3.0 * nov + 0.5 * pf);
        m.put("coverage", 0.10 + 0.20 * nov + 0.05 * pf);
        m.put("provider_fairness", 0.30 - 0.20 * pf);
        m.put("public_value", 0.12 + 0.10 * pf + 0.25 * pv);
        return m;
    }

    public static Map<String, Object> sweep(List<String> objectives, int divisions) {
        return sweep(objectives, divisions, SweepFixture::linearMetrics);
    }

    public static Map<String, Object> sweep(List<String> objectives, int divisions, Function<Map<String, Double>, Map<String, Double>> metrics) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "mandate-sweep/1");
        json.put("objectives", objectives);
        json.put("step", 1.0 / divisions);
        json.put("k", 10);
        json.put("metric_labels", Map.of("relevance", "NDCG@10", "novelty", "mean self-information (bits)", "coverage", "catalogue coverage",
                "provider_fairness", "exposure distance to target", "public_value", "local share of top-10"));
        List<Object> points = new ArrayList<>();
        int index = 0;
        for (int[] counts : compositions(divisions, objectives.size())) {
            Map<String, Double> w = new LinkedHashMap<>();
            for (int j = 0; j < counts.length; j++) w.put(objectives.get(j), (double) counts[j] / divisions);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("weights", w);
            p.put("metrics", metrics.apply(w));
            // a weighting that puts more than half on novelty is marked dominated, to have both kinds
            p.put("non_dominated", w.getOrDefault("novelty", 0.0) <= 0.5);
            p.put("model_sha256", CanonicalJson.sha256Hex(("model " + index).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            List<Object> slates = new ArrayList<>();
            for (String user : List.of("u17", "u903")) {
                List<Object> items = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    items.add(Map.of("id", "i" + (index * 10 + r), "title", "Programme " + index + "-" + r + " for " + user,
                            "provider_group", r == 0 ? "independent" : "in-house", "tags", r == 1 ? List.of("local") : List.of()));
                }
                slates.add(Map.of("user", user, "items", items));
            }
            p.put("example_slates", slates);
            points.add(p);
            index++;
        }
        json.put("points", points);
        return json;
    }

    public static String json(List<String> objectives, int divisions) {
        return CanonicalJson.write(sweep(objectives, divisions));
    }

    /** Every way to write {@code total} as {@code parts} non-negative integers, relevance-heavy first. */
    static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        fill(new int[parts], 0, total, out);
        return out;
    }

    private static void fill(int[] acc, int at, int left, List<int[]> out) {
        if (at == acc.length - 1) {
            acc[at] = left;
            out.add(acc.clone());
            return;
        }
        for (int v = left; v >= 0; v--) {
            acc[at] = v;
            fill(acc, at + 1, left - v, out);
        }
    }
}

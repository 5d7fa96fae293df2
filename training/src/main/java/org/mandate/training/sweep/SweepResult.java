package org.mandate.training.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished weight sweep: every lattice point in lattice order, and the ones no other point beats on
 * every swept objective (the empirical Pareto front a panel can choose along).
 */
public record SweepResult(List<String> objectives, double step, List<SweepPoint> points, List<SweepPoint> nonDominated) {

    public SweepResult {
        objectives = List.copyOf(objectives);
        points = List.copyOf(points);
        nonDominated = List.copyOf(nonDominated);
    }

    /** One row per point: its weights, every evaluated metric's headline value, and whether it is non-dominated. */
    public List<Map<String, Object>> table() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SweepPoint p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("weights", p.weights());
            Map<String, Object> metrics = new LinkedHashMap<>();
            p.evaluation().metrics().forEach((id, m) -> metrics.put(id, m.value()));
            row.put("metrics", metrics);
            row.put("model_sha256", p.manifest().modelSha256());
            row.put("non_dominated", nonDominated.stream().anyMatch(q -> q == p));
            rows.add(row);
        }
        return rows;
    }
}

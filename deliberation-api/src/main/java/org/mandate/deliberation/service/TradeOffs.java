package org.mandate.deliberation.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trade-off predictions from a sweep for any weight vector on the simplex of its objectives.
 *
 * <p>Between lattice points the prediction is barycentric (piecewise linear) interpolation over the
 * Freudenthal triangulation of the lattice, taken in cumulative coordinates {@code z_j = Σ_{i≤j} w_i}:
 * there the simplex {@code 0 ≤ z_1 ≤ … ≤ z_{n-1} ≤ 1} is a union of Freudenthal cells, so the cell around
 * any weight vector has only lattice points of the sweep as vertices, and the interpolation is exact at
 * every lattice point and continuous between them. If the sweep lacks a vertex of that cell, the
 * prediction falls back to the nearest lattice point and says so.
 */
public final class TradeOffs {

    private static final double EPS = 1e-9;

    private final Sweep sweep;
    private final Map<List<Long>, Integer> byLattice = new HashMap<>();

    public TradeOffs(Sweep sweep) {
        this.sweep = sweep;
        int m = sweep.divisions();
        for (int i = 0; i < sweep.points().size(); i++) {
            SweepPoint p = sweep.points().get(i);
            byLattice.put(sweep.objectives().stream().map(id -> Math.round(p.weight(id) * m)).toList(), i);
        }
    }

    public Sweep sweep() {
        return sweep;
    }

    /**
     * The prediction for {@code weights} (any non-negative numbers over the swept objectives, such as
     * ballot points; an objective left out weighs 0). Refuses objectives the sweep does not cover,
     * negative or non-finite numbers and an all-zero vector.
     */
    public TradeOff predict(Map<String, ? extends Number> weights) {
        double[] w = normalised(weights);
        List<TradeOff.Vertex> vertices = barycentric(w);
        String method;
        if (vertices == null) {
            vertices = List.of(new TradeOff.Vertex(nearest(w), 1.0));
            method = "nearest";
        } else {
            method = vertices.size() == 1 ? "exact" : "barycentric";
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String key : sweep.metricKeys()) {
            double v = 0;
            for (TradeOff.Vertex x : vertices) v += x.lambda() * sweep.points().get(x.point()).metrics().get(key);
            metrics.put(key, v);
        }
        int baseline = sweep.baseline();
        Map<String, Double> changes = changes(metrics, sweep.points().get(baseline).metrics());
        Map<String, Double> asked = new LinkedHashMap<>();
        for (int j = 0; j < w.length; j++) asked.put(sweep.objectives().get(j), w[j]);
        return new TradeOff(asked, method, vertices, metrics, changes, nearest(w), baseline);
    }

    /** The lattice point a weight vector is closest to (Euclidean; the first on a tie): what the no-script page shows. */
    public int nearest(Map<String, ? extends Number> weights) {
        return nearest(normalised(weights));
    }

    /** Relative change of every metric from {@code base} ({@code (v - b) / |b|}); none where the base is 0. */
    public static Map<String, Double> changes(Map<String, Double> metrics, Map<String, Double> base) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            double b = base.get(k);
            if (b != 0) out.put(k, (v - b) / Math.abs(b));
        });
        return out;
    }

    private double[] normalised(Map<String, ? extends Number> weights) {
        if (weights == null || weights.isEmpty()) throw new Refused(Refused.Kind.INVALID, "weights are required, e.g. relevance:60,novelty:40");
        double[] w = new double[sweep.objectives().size()];
        double sum = 0;
        for (Map.Entry<String, ? extends Number> e : weights.entrySet()) {
            int j = sweep.objectives().indexOf(e.getKey());
            if (j < 0) throw new Refused(Refused.Kind.INVALID, "'" + e.getKey() + "' is not swept; the sweep covers " + String.join(", ", sweep.objectives()));
            double v = e.getValue() == null ? Double.NaN : e.getValue().doubleValue();
            if (!Double.isFinite(v) || v < 0) throw new Refused(Refused.Kind.INVALID, "the weight of " + e.getKey() + " must be a finite number of at least 0");
            w[j] = v;
            sum += v;
        }
        if (!(sum > 0) || !Double.isFinite(sum)) throw new Refused(Refused.Kind.INVALID, "at least one weight must be positive");
        for (int j = 0; j < w.length; j++) w[j] /= sum;
        return w;
    }

    private int nearest(double[] w) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sweep.points().size(); i++) {
            double d = 0;
            for (int j = 0; j < w.length; j++) {
                double x = sweep.points().get(i).weight(sweep.objectives().get(j)) - w[j];
                d += x * x;
            }
            if (d < bestDistance - 1e-15) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** The cell's vertices with positive barycentric weight, or null when one of them is not in the sweep. */
    private List<TradeOff.Vertex> barycentric(double[] w) {
        int n = w.length;
        int m = sweep.divisions();
        double[] z = new double[n - 1];
        double acc = 0;
        for (int j = 0; j < n - 1; j++) {
            acc += w[j] * m;
            double r = Math.rint(acc);
            z[j] = Math.abs(acc - r) < EPS ? r : Math.min(acc, m);
        }
        long[] base = new long[n - 1];
        double[] f = new double[n - 1];
        for (int j = 0; j < n - 1; j++) {
            base[j] = (long) Math.floor(z[j]);
            f[j] = z[j] - base[j];
        }
        // descending fractional part; on a tie the later coordinate first, which keeps z non-decreasing
        Integer[] order = new Integer[n - 1];
        for (int j = 0; j < n - 1; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> f[a] != f[b] ? Double.compare(f[b], f[a]) : Integer.compare(b, a));
        List<TradeOff.Vertex> out = new ArrayList<>();
        long[] v = base.clone();
        for (int k = 0; k < n; k++) {
            if (k > 0) v[order[k - 1]]++;
            double lambda = k == 0 ? 1 - f[order[0]] : k == n - 1 ? f[order[n - 2]] : f[order[k - 1]] - f[order[k]];
            if (lambda <= EPS) continue;
            Integer point = byLattice.get(fromCumulative(v, m));
            if (point == null) return null;
            out.add(new TradeOff.Vertex(point, lambda));
        }
        double total = out.stream().mapToDouble(TradeOff.Vertex::lambda).sum();
        return out.stream().map(x -> new TradeOff.Vertex(x.point(), x.lambda() / total)).toList();
    }

    /** Lattice counts per objective from cumulative ones; a vertex outside the simplex maps to no point. */
    private static List<Long> fromCumulative(long[] z, int m) {
        List<Long> counts = new ArrayList<>(z.length + 1);
        long previous = 0;
        for (long c : z) {
            counts.add(c - previous);
            previous = c;
        }
        counts.add(m - previous);
        return counts;
    }
}

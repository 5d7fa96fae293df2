package org.mandate.objectives.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How much each ballot counts. Equal by default (every voter 1); optionally per-member rights (e.g. the
 * number of votes a delegate carries) and a cap on any single member's share of the total, as
 * Tournesol caps voting rights so that no contributor dominates a score.
 *
 * @param rights   explicit rights by voter; voters not listed count 1
 * @param maxShare the largest share of the total right a single voter may hold, in (0, 1]; 1 = no cap
 */
public record VotingRights(SortedMap<String, Double> rights, double maxShare) {

    public VotingRights {
        rights = new TreeMap<>(rights == null ? Map.of() : rights);
        for (Map.Entry<String, Double> e : rights.entrySet()) {
            Double r = e.getValue();
            if (r == null || !Double.isFinite(r) || r < 0) throw new IllegalArgumentException("voting right of " + e.getKey() + " must be a finite non-negative number, got " + r);
        }
        if (!(maxShare > 0 && maxShare <= 1)) throw new IllegalArgumentException("the cap on one member's share must be in (0, 1], got " + maxShare);
    }

    /** Everyone counts once: the default. */
    public static VotingRights equal() {
        return new VotingRights(new TreeMap<>(), 1.0);
    }

    public static VotingRights of(Map<String, ? extends Number> rights) {
        TreeMap<String, Double> r = new TreeMap<>();
        rights.forEach((k, v) -> r.put(k, v == null ? Double.NaN : v.doubleValue()));
        return new VotingRights(r, 1.0);
    }

    public VotingRights withCap(double maxShare) {
        return new VotingRights(rights, maxShare);
    }

    public boolean isEqual() {
        return maxShare == 1.0 && rights.values().stream().allMatch(r -> r == 1.0);
    }

    /**
     * The effective rights of these voters, in this order, after the cap. The cap is met by lowering the
     * largest rights to a common level c (water-filling), c = cap·Σ_uncapped / (1 − k·cap) for the k
     * capped voters; nobody else's right changes, so the excess is not handed to anyone in particular.
     */
    public double[] vector(List<String> voters) {
        double[] raw = new double[voters.size()];
        for (int v = 0; v < raw.length; v++) raw[v] = rights.getOrDefault(voters.get(v), 1.0);
        return cap(raw, maxShare);
    }

    static double[] cap(double[] raw, double maxShare) {
        double total = 0;
        int positive = 0;
        for (double r : raw) { total += r; if (r > 0) positive++; }
        if (total <= 0) throw new IllegalArgumentException("no voter has a voting right");
        if (maxShare >= 1) return raw.clone();
        if (positive * maxShare < 1 - 1e-12) {
            throw new IllegalArgumentException("a cap of " + maxShare + " per member needs at least " + (int) Math.ceil(1 / maxShare)
                    + " members with a voting right, there are " + positive);
        }
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < raw.length; v++) order.add(v);
        order.sort(Comparator.comparingDouble((Integer v) -> raw[v]).reversed());
        double uncapped = total;
        for (int k = 0; k < raw.length; k++) {
            double largestLeft = raw[order.get(k)];
            double level = k == 0 ? Double.POSITIVE_INFINITY : maxShare * uncapped / (1 - k * maxShare);
            if (k == 0 ? largestLeft <= maxShare * total : largestLeft <= level) {
                double[] out = raw.clone();
                for (int i = 0; i < k; i++) out[order.get(i)] = level;
                return out;
            }
            uncapped -= largestLeft;
        }
        throw new IllegalStateException("unreachable: the cap is feasible");
    }

    static boolean allEqual(double[] rights) {
        for (double r : rights) if (r != rights[0]) return false;
        return rights.length == 0 || rights[0] > 0;
    }

    /** The JSON form a tally records, with each voter's effective right. */
    Map<String, Object> toJson(List<String> voters) {
        double[] effective = vector(voters);
        TreeMap<String, Object> byVoter = new TreeMap<>();
        for (int v = 0; v < effective.length; v++) byVoter.put(voters.get(v), effective[v]);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("max_share", maxShare);
        json.put("effective", byVoter);
        return json;
    }
}

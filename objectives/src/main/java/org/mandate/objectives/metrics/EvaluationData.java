package org.mandate.objectives.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a metric reads: the users' lists, the catalogue's side information, the cut-off k and the
 * mandate's target exposure shares per provider group (empty means equal shares).
 */
public record EvaluationData(List<UserLists> users, ItemFeatures items, int k, SortedMap<String, Double> exposureTargets) {

    public EvaluationData {
        users = List.copyOf(users);
        Objects.requireNonNull(items, "items");
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        exposureTargets = new TreeMap<>(exposureTargets == null ? Map.of() : exposureTargets);
        for (UserLists u : users) {
            for (int item : u.recommended()) {
                if (item < 0 || item >= items.itemCount()) {
                    throw new IllegalArgumentException("recommended item " + item + " is not in the catalogue");
                }
            }
        }
    }

    /** The target share per provider group, in the order of {@link ItemFeatures#providerGroups()}. */
    public double[] targetShares() {
        List<String> groups = items.providerGroups();
        double[] tau = new double[groups.size()];
        if (exposureTargets.isEmpty()) {
            java.util.Arrays.fill(tau, 1.0 / groups.size());
            return tau;
        }
        for (int g = 0; g < tau.length; g++) {
            tau[g] = exposureTargets.getOrDefault(groups.get(g), 0.0);
        }
        return tau;
    }
}

package org.mandate.objectives.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Side information about the catalogue that metrics need.
 *
 * @param popularity     share of training interactions per item, strictly positive (smooth counts first)
 * @param providerGroup  index into {@code providerGroups} per item
 * @param providerGroups names of the provider groups, e.g. in-house, independent, regional
 */
public record ItemFeatures(double[] popularity, int[] providerGroup, List<String> providerGroups) {

    public ItemFeatures {
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(providerGroup, "providerGroup");
        providerGroups = List.copyOf(providerGroups);
        if (popularity.length != providerGroup.length) {
            throw new IllegalArgumentException("popularity has " + popularity.length
                    + " items but providerGroup has " + providerGroup.length);
        }
        for (int i = 0; i < popularity.length; i++) {
            if (!(popularity[i] > 0) || !Double.isFinite(popularity[i])) {
                throw new IllegalArgumentException("popularity of item " + i + " must be positive and finite, got "
                        + popularity[i] + " (smooth zero counts)");
            }
            if (providerGroup[i] < 0 || providerGroup[i] >= providerGroups.size()) {
                throw new IllegalArgumentException("item " + i + " has provider group " + providerGroup[i]
                        + " outside 0.." + (providerGroups.size() - 1));
            }
        }
    }

    public int itemCount() {
        return popularity.length;
    }
}

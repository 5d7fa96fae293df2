package org.mandate.objectives.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Side information about the catalogue that metrics need.
 *
 * @param popularity     share of training interactions per item, strictly positive (smooth counts first)
 * @param providerGroup  index into {@code providerGroups} per item
 * @param providerGroups names of the provider groups, e.g. in-house, independent, regional
 * @param categories     names of the K categories (genres, formats)
 * @param categoryMatrix C, I × K: row i is item i's mix over the categories, non-negative and summing to 1
 *                       (a one-hot row for a single-genre item, 1/n on each of n genres otherwise)
 * @param tags           named 0/1 item tags (news, education, local production, ...), one flag per item
 * @param publicValueTag the tag whose position-weighted share the {@code public_value} objective reports
 *                       and its surrogate raises; {@link #DEFAULT_PUBLIC_VALUE_TAG} unless the mandate says
 *                       otherwise. A catalogue without that tag has no tagged item (share 0), it is not an error,
 *                       so side information without tags can still be evaluated on every objective
 */
public record ItemFeatures(double[] popularity, int[] providerGroup, List<String> providerGroups,
                           List<String> categories, double[][] categoryMatrix, SortedMap<String, boolean[]> tags,
                           String publicValueTag) {

    /** Local productions: the public-value tag broadcasters' quotas usually name. */
    public static final String DEFAULT_PUBLIC_VALUE_TAG = "local";

    /** The single category of side information that has none. */
    public static final String NO_CATEGORY = "all";

    private static final double ROW_SUM_TOLERANCE = 1e-9;

    public ItemFeatures {
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(providerGroup, "providerGroup");
        Objects.requireNonNull(categoryMatrix, "categoryMatrix");
        Objects.requireNonNull(publicValueTag, "publicValueTag");
        providerGroups = List.copyOf(providerGroups);
        categories = List.copyOf(categories);
        tags = new TreeMap<>(tags == null ? Map.of() : tags);
        if (popularity.length != providerGroup.length) {
            throw new IllegalArgumentException("popularity has " + popularity.length
                    + " items but providerGroup has " + providerGroup.length);
        }
        if (categories.isEmpty()) throw new IllegalArgumentException("at least one category is needed (\"" + NO_CATEGORY + "\" if none)");
        if (categories.stream().distinct().count() != categories.size()) throw new IllegalArgumentException("category names repeat: " + categories);
        if (categoryMatrix.length != popularity.length) {
            throw new IllegalArgumentException("the category matrix has " + categoryMatrix.length + " rows for " + popularity.length + " items");
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
            double[] row = categoryMatrix[i];
            if (row == null || row.length != categories.size()) {
                throw new IllegalArgumentException("item " + i + " needs one category share per category (" + categories.size() + ")");
            }
            double sum = 0;
            for (double c : row) {
                if (!(c >= 0) || !Double.isFinite(c)) throw new IllegalArgumentException("item " + i + " has a negative or non-finite category share");
                sum += c;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) throw new IllegalArgumentException("the category shares of item " + i + " sum to " + sum + ", not 1");
        }
        for (Map.Entry<String, boolean[]> e : tags.entrySet()) {
            if (e.getValue() == null || e.getValue().length != popularity.length) {
                throw new IllegalArgumentException("tag '" + e.getKey() + "' needs one flag per item (" + popularity.length + ")");
            }
        }
    }

    /** Side information without categories or tags: every item in the one category {@value #NO_CATEGORY}. */
    public ItemFeatures(double[] popularity, int[] providerGroup, List<String> providerGroups) {
        this(popularity, providerGroup, providerGroups, List.of(NO_CATEGORY), singleCategory(popularity),
                new TreeMap<>(), DEFAULT_PUBLIC_VALUE_TAG);
    }

    /** The same side information with categories and tags, and the default public-value tag. */
    public ItemFeatures(double[] popularity, int[] providerGroup, List<String> providerGroups,
                        List<String> categories, double[][] categoryMatrix, SortedMap<String, boolean[]> tags) {
        this(popularity, providerGroup, providerGroups, categories, categoryMatrix, tags, DEFAULT_PUBLIC_VALUE_TAG);
    }

    /** One-hot category rows: item i belongs wholly to category {@code category[i]}. */
    public static double[][] oneHot(int[] category, int categoryCount) {
        double[][] c = new double[category.length][categoryCount];
        for (int i = 0; i < category.length; i++) c[i][category[i]] = 1;
        return c;
    }

    private static double[][] singleCategory(double[] popularity) {
        Objects.requireNonNull(popularity, "popularity");
        double[][] c = new double[popularity.length][1];
        for (double[] row : c) row[0] = 1;
        return c;
    }

    /** These features with another tag for the {@code public_value} objective. */
    public ItemFeatures withPublicValueTag(String tag) {
        return new ItemFeatures(popularity, providerGroup, providerGroups, categories, categoryMatrix, tags, tag);
    }

    public int itemCount() {
        return popularity.length;
    }

    public int categoryCount() {
        return categories.size();
    }

    /** The flags of a tag; all false when the catalogue does not carry it. */
    public boolean[] tag(String name) {
        boolean[] t = tags.get(name);
        return t == null ? new boolean[itemCount()] : t.clone();
    }

    /** The flags of {@link #publicValueTag()}. */
    public boolean[] publicValueFlags() {
        return tag(publicValueTag);
    }

    /** The item's main category: its largest share, the lowest index on ties. */
    public int mainCategory(int item) {
        double[] row = categoryMatrix[item];
        int best = 0;
        for (int k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
        return best;
    }

    /**
     * The category mix of the first {@code n} items of {@code items}: Σ w_r C_{items[r]} / Σ w_r with
     * w_r = a(r) when {@code positionWeighted}, 1 otherwise. All zeros when n = 0.
     */
    public double[] categoryMix(int[] items, int n, boolean positionWeighted) {
        double[] mix = new double[categoryCount()];
        double total = 0;
        for (int r = 0; r < n; r++) {
            double w = positionWeighted ? PositionWeight.at(r + 1) : 1;
            double[] row = categoryMatrix[items[r]];
            for (int k = 0; k < mix.length; k++) mix[k] += w * row[k];
            total += w;
        }
        if (total > 0) for (int k = 0; k < mix.length; k++) mix[k] /= total;
        return mix;
    }

    @Override
    public String toString() {
        return "ItemFeatures[items=" + itemCount() + ", providerGroups=" + providerGroups + ", categories=" + categories
                + ", tags=" + tags.keySet() + ", publicValueTag=" + publicValueTag + "]";
    }
}

package org.mandate.training.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects interaction rows (original user id, dense item index, timestamp, rating) and builds
 * {@link TimedInteractions}: rows below the binarisation threshold are not interactions, repeats of a
 * (user, item) pair collapse to one with the latest timestamp, users are re-indexed densely in sorted
 * id order (numeric ids numerically) so that the same data in another line order gives the same hash,
 * and the age limit is applied last.
 */
final class InteractionTable {

    /** Numeric ids in numeric order, then the others in string order: a total order. */
    static final Comparator<String> ID_ORDER = (a, b) -> {
        Long x = asLong(a), y = asLong(b);
        if (x != null && y != null) return x.equals(y) ? a.compareTo(b) : x.compareTo(y);
        if (x != null) return -1;
        if (y != null) return 1;
        return a.compareTo(b);
    };

    private final LoadOptions options;
    private final Map<String, Map<Integer, Long>> byUser = new HashMap<>();

    InteractionTable(LoadOptions options) {
        this.options = options;
    }

    void add(String user, int item, long timestamp, double rating) {
        // Callers pass NaN when the rating was not read, which happens only when minRating is null.
        if (options.minRating() != null && rating < options.minRating()) return;
        byUser.computeIfAbsent(user, u -> new HashMap<>()).merge(item, timestamp, Math::max);
    }

    TimedInteractions build(ItemCatalogue catalogue, List<String> fieldsRead) {
        List<String> users = new ArrayList<>(byUser.keySet());
        users.sort(ID_ORDER);
        int[][] histories = new int[users.size()][];
        long[][] timestamps = new long[users.size()][];
        for (int u = 0; u < users.size(); u++) {
            TreeMap<Integer, Long> items = new TreeMap<>(byUser.get(users.get(u)));
            histories[u] = items.keySet().stream().mapToInt(Integer::intValue).toArray();
            timestamps[u] = items.values().stream().mapToLong(Long::longValue).toArray();
        }
        TimedInteractions all = new TimedInteractions(new InteractionData(catalogue, users.size(), histories), users, timestamps, fieldsRead);
        return options.maxAgeDays() == null ? all : all.withMaxAgeDays(options.maxAgeDays());
    }

    private static Long asLong(String s) {
        if (s.isEmpty() || s.length() > 18) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        return Long.parseLong(s);
    }
}

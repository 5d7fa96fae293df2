package org.mandate.training.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the items of a data file in file order and builds the {@link ItemCatalogue}. Items may have
 * several genres but the catalogue has one per item: the main genre is the item's rarest genre across
 * the catalogue (ties: earliest in the genre list), because the most specific label (Animation rather
 * than Comedy) is the one that tells items apart for diversity and calibration; items with no genre
 * get {@value #UNKNOWN}. Without a provider column every item is in the single group {@value #UNKNOWN}.
 */
final class CatalogueTable {

    static final String UNKNOWN = "unknown";

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<List<String>> itemGenres = new ArrayList<>();
    private final List<String> providers = new ArrayList<>();
    private final List<Boolean> local = new ArrayList<>();
    private final LinkedHashMap<String, Integer> genreOrder = new LinkedHashMap<>();

    /** @param knownGenres the data set's documented genre list, in its documented order */
    CatalogueTable(List<String> knownGenres) {
        for (String g : knownGenres) genreOrder.putIfAbsent(g, genreOrder.size());
    }

    /** @param provider the item's provider group, or null when the data has none */
    void add(Path file, long line, String id, List<String> genres, String provider, boolean isLocal) {
        if (index.putIfAbsent(id, ids.size()) != null) throw new DataFileException(file, line, "duplicate item id '" + id + "'");
        ids.add(id);
        List<String> g = genres.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (String name : g) genreOrder.putIfAbsent(name, genreOrder.size());
        itemGenres.add(g);
        providers.add(provider == null || provider.isBlank() ? null : provider.trim());
        local.add(isLocal);
    }

    /** The dense index of an item id, or -1. */
    int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    ItemCatalogue build() {
        int n = ids.size();
        int[] carriers = new int[genreOrder.size()];
        for (List<String> g : itemGenres) for (String name : g) carriers[genreOrder.get(name)]++;
        List<String> genres = new ArrayList<>(genreOrder.keySet());
        int[] genre = new int[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (String name : itemGenres.get(i)) {
                int k = genreOrder.get(name);
                if (best < 0 || carriers[k] < carriers[best] || (carriers[k] == carriers[best] && k < best)) best = k;
            }
            if (best < 0) {
                if (!genres.contains(UNKNOWN)) genres.add(UNKNOWN);
                best = genres.indexOf(UNKNOWN);
            }
            genre[i] = best;
        }
        if (genres.isEmpty()) genres.add(UNKNOWN);
        LinkedHashMap<String, Integer> groupOrder = new LinkedHashMap<>();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            String p = providers.get(i) == null ? UNKNOWN : providers.get(i);
            group[i] = groupOrder.computeIfAbsent(p, key -> groupOrder.size());
        }
        if (groupOrder.isEmpty()) groupOrder.put(UNKNOWN, 0);
        boolean[] isLocal = new boolean[n];
        for (int i = 0; i < n; i++) isLocal[i] = local.get(i);
        return new ItemCatalogue(ids, genre, genres, group, new ArrayList<>(groupOrder.keySet()), isLocal);
    }
}

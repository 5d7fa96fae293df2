package org.mandate.objectives.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedCollection;

/** Every objective Mandate knows, by id, in a fixed order (the order reports and tallies use). */
public final class Catalogue {

    private static final Map<String, Objective> BY_ID = new LinkedHashMap<>();

    static {
        for (Objective o : List.of(new Relevance(), new Novelty(), new Coverage(), new Diversity(), new Calibration(),
                new ProviderFairness(), new PublicValue(), new Exploration(), new Fragmentation())) {
            BY_ID.put(o.id(), o);
        }
    }

    private Catalogue() {}

    public static SequencedCollection<Objective> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<Objective> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Objective get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown objective '" + id + "'; known: " + String.join(", ", BY_ID.keySet())));
    }

    public static boolean contains(String id) {
        return BY_ID.containsKey(id);
    }
}

package org.mandate.training.surrogate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedCollection;
import java.util.List;

/** The registry: objective id → its surrogate. A test proves every catalogue objective has one. */
public final class Surrogates {

    private static final Map<String, Surrogate> BY_ID = new LinkedHashMap<>();

    static {
        for (Surrogate s : List.of(new RelevanceSurrogate(), new NoveltySurrogate(), new CoverageSurrogate(),
                new DiversitySurrogate(), new CalibrationSurrogate(), new ProviderFairnessSurrogate(), new PublicValueSurrogate(),
                new ExplorationSurrogate(), new FragmentationSurrogate())) {
            BY_ID.put(s.objectiveId(), s);
        }
    }

    private Surrogates() {}

    public static Optional<Surrogate> find(String objectiveId) {
        return Optional.ofNullable(BY_ID.get(objectiveId));
    }

    public static Surrogate get(String objectiveId) {
        return find(objectiveId).orElseThrow(() -> new IllegalArgumentException(
                "no training surrogate for objective '" + objectiveId + "'; this trainer knows " + BY_ID.keySet()));
    }

    public static SequencedCollection<Surrogate> all() {
        return List.copyOf(BY_ID.values());
    }
}

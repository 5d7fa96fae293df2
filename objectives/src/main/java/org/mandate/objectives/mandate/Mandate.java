package org.mandate.objectives.mandate;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.json.JsonValue;
import org.mandate.objectives.tally.TallyRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a panel decided the recommender must optimise: weights on the simplex over catalogue objectives
 * (each weight is the share of effort spent closing that objective's achievable gap), floors and
 * ceilings, data-use rules, target exposure shares per provider group, where it came from, and optionally how far
 * each user may move the weights for their own list ({@link Personalisation}; null = not at all).
 * Its canonical JSON is its identity: {@link #sha256()} is the hash every training manifest names.
 */
public record Mandate(SortedMap<String, Double> weights, List<Bound> bounds, DataUseRules dataUse,
                      SortedMap<String, Double> exposureTargets, Provenance provenance,
                      Personalisation personalisation) implements JsonValue {

    public static final int SCHEMA_VERSION = 1;

    public Mandate {
        weights = new TreeMap<>(weights);
        if (weights.isEmpty()) throw new IllegalArgumentException("a mandate needs at least one weighted objective");
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Catalogue.get(e.getKey());
            double w = e.getValue();
            if (!Double.isFinite(w) || w < 0) throw new IllegalArgumentException("weight of " + e.getKey() + " is invalid: " + w);
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("mandate weights must sum to 1, they sum to " + sum);
        bounds = bounds == null ? List.of() : List.copyOf(bounds);
        dataUse = dataUse == null ? DataUseRules.NONE : dataUse;
        exposureTargets = new TreeMap<>(exposureTargets == null ? Map.of() : exposureTargets);
        double targetSum = 0;
        for (double t : exposureTargets.values()) {
            if (!Double.isFinite(t) || t < 0) throw new IllegalArgumentException("exposure targets must be non-negative shares");
            targetSum += t;
        }
        if (!exposureTargets.isEmpty() && Math.abs(targetSum - 1) > 1e-6) {
            throw new IllegalArgumentException("exposure targets must sum to 1, they sum to " + targetSum);
        }
    }

    /** A mandate that lets no user change the voted weights. */
    public Mandate(SortedMap<String, Double> weights, List<Bound> bounds, DataUseRules dataUse,
                   SortedMap<String, Double> exposureTargets, Provenance provenance) {
        this(weights, bounds, dataUse, exposureTargets, provenance, null);
    }

    /** This mandate with {@code personalisation} (null: users may not change the weights). */
    public Mandate withPersonalisation(Personalisation personalisation) {
        return new Mandate(weights, bounds, dataUse, exposureTargets, provenance, personalisation);
    }

    /** The practitioner's default: relevance only, no rules. The baseline every report compares with. */
    public static Mandate relevanceOnly() {
        return new Mandate(new TreeMap<>(Map.of(Relevance.ID, 1.0)), List.of(), DataUseRules.NONE, null,
                Provenance.baseline("relevance-only baseline"));
    }

    /** The mandate a tally produced, with the panel's rules and targets attached. */
    public static Mandate fromTally(TallyRecord tally, List<Bound> bounds, DataUseRules dataUse,
                                    SortedMap<String, Double> exposureTargets, String label) {
        TreeMap<String, Double> nonZero = new TreeMap<>();
        tally.weights().forEach((k, v) -> { if (v > 0) nonZero.put(k, v); });
        return new Mandate(nonZero, bounds, dataUse, exposureTargets, new Provenance(tally.sha256(), label));
    }

    public double weight(String objective) {
        return weights.getOrDefault(objective, 0.0);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("weights", weights);
        json.put("bounds", bounds.stream().map(Bound::toJson).toList());
        json.put("data_use", dataUse.toJson());
        json.put("exposure_targets", exposureTargets);
        json.put("provenance", provenance == null ? null : provenance.toJson());
        // Only when present, so every mandate written before personalisation existed keeps its bytes and hash.
        if (personalisation != null) json.put("personalisation", personalisation.toJson());
        return json;
    }

    /** Reads a mandate from JSON (canonical or not); the inverse of {@link #canonicalJson()}. */
    public static Mandate fromJson(String text) {
        Map<String, Object> json = Json.parseObject(text);
        Object version = json.get("schema_version");
        if (version != null && ((Number) version).intValue() != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported mandate schema_version " + version);
        }
        List<Bound> bounds = new ArrayList<>();
        if (json.get("bounds") instanceof List<?> list) {
            for (Object b : list) bounds.add(Bound.fromJson((Map<?, ?>) b));
        }
        return new Mandate(doubles(json.get("weights")), bounds, DataUseRules.fromJson((Map<?, ?>) json.get("data_use")),
                doubles(json.get("exposure_targets")), Provenance.fromJson((Map<?, ?>) json.get("provenance")),
                Personalisation.fromJson(json.get("personalisation")));
    }

    private static TreeMap<String, Double> doubles(Object value) {
        TreeMap<String, Double> out = new TreeMap<>();
        if (value == null) return out;
        if (!(value instanceof Map<?, ?> map)) throw new IllegalArgumentException("expected an object of numbers, got " + value);
        map.forEach((k, v) -> {
            if (!(v instanceof Number n)) throw new IllegalArgumentException("'" + k + "' must be a number, got " + v);
            out.put((String) k, n.doubleValue());
        });
        return out;
    }
}

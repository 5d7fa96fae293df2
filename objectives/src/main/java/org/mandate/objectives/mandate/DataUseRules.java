package org.mandate.objectives.mandate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trainer may read: attributes it must never load, and the oldest interaction it may use
 * (null = no age limit).
 */
public record DataUseRules(List<String> forbiddenAttributes, Integer maxInteractionAgeDays) {

    public static final DataUseRules NONE = new DataUseRules(List.of(), null);

    public DataUseRules {
        forbiddenAttributes = forbiddenAttributes == null ? List.of() : forbiddenAttributes.stream().sorted().distinct().toList();
        if (maxInteractionAgeDays != null && maxInteractionAgeDays < 1) {
            throw new IllegalArgumentException("maximum interaction age must be at least one day");
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("forbidden_attributes", forbiddenAttributes);
        json.put("max_interaction_age_days", maxInteractionAgeDays);
        return json;
    }

    @SuppressWarnings("unchecked")
    static DataUseRules fromJson(Map<?, ?> json) {
        if (json == null) return NONE;
        Number age = (Number) json.get("max_interaction_age_days");
        return new DataUseRules((List<String>) json.get("forbidden_attributes"), age == null ? null : age.intValue());
    }
}

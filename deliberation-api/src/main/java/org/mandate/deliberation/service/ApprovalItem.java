package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data-use rule put to a yes/no vote. If it passes, the mandate carries it: an {@link ForbidAttribute}
 * forbids the trainer to read an attribute, an {@link AgeLimit} limits the interactions it may use to the
 * last N days. Each kind has its own JSON field, so the canonical JSON of an attribute item is what it was
 * before age limits existed and old ledgers keep their bytes.
 */
public sealed interface ApprovalItem {

    /** The longest age limit a panel may vote: ten years, beyond which a limit limits nothing. */
    int MAX_AGE_DAYS = 3650;

    String id();

    String label();

    Map<String, Object> toJson();

    /** {@code {"id", "label", <rule>}}, in that order: the canonical bytes of attribute items predate age items. */
    private static Map<String, Object> json(String id, String label, String rule, Object value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("label", label);
        json.put(rule, value);
        return json;
    }

    /** {@code {"id", "label", "forbid_attribute"}}: if it passes, the trainer never reads {@code forbidAttribute}. */
    record ForbidAttribute(String id, String label, String forbidAttribute) implements ApprovalItem {
        @Override
        public Map<String, Object> toJson() {
            return json(id, label, "forbid_attribute", forbidAttribute);
        }
    }

    /** {@code {"id", "label", "max_interaction_age_days"}}: if it passes, the trainer uses interactions of the last {@code days} days only. */
    record AgeLimit(String id, String label, int days) implements ApprovalItem {
        public AgeLimit {
            if (days < 1 || days > MAX_AGE_DAYS) throw new IllegalArgumentException("an age limit is 1 to " + MAX_AGE_DAYS + " days, got " + days);
        }

        @Override
        public Map<String, Object> toJson() {
            return json(id, label, "max_interaction_age_days", days);
        }
    }
}

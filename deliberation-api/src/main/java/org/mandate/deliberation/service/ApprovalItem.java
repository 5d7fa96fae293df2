package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data-use rule put to a yes/no vote: if it passes, the mandate forbids the trainer to read
 * {@code forbidAttribute}.
 */
public record ApprovalItem(String id, String label, String forbidAttribute) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("label", label);
        json.put("forbid_attribute", forbidAttribute);
        return json;
    }
}

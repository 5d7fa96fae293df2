package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's delegation as they see it: their own handle (the pseudonym others delegate to), the handle
 * of the member they delegate to (null when they do not), and how many members delegate directly to them.
 */
public record DelegationState(long panelId, String handle, String delegate, int delegators) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("handle", handle);
        json.put("delegate", delegate);
        json.put("delegators", delegators);
        return json;
    }
}

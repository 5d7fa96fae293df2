package org.mandate.deliberation.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A short statement a member posted during deliberation. {@code author} is the member's pseudonymous
 * voter id; {@code hiddenReason} is null unless an organiser hid the statement (the reason is public).
 */
public record Statement(long id, long panelId, String author, String text, Instant createdAt, String hiddenReason) {

    public boolean hidden() {
        return hiddenReason != null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("panel", panelId);
        json.put("author", author);
        json.put("text", hidden() ? null : text);
        json.put("created_at", createdAt.toString());
        json.put("hidden", hidden());
        if (hidden()) json.put("hidden_reason", hiddenReason);
        return json;
    }
}

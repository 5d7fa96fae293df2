package org.mandate.deliberation.service;

import org.mandate.objectives.ballot.ObjectiveMenu;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A citizen panel as stored: its menu, rule and revision policy are fixed at creation; only the phase moves. */
public record Panel(long id, String name, ObjectiveMenu menu, String rule, Phase phase, boolean allowRevision, Instant createdAt) {

    /** The JSON form used by the API and the ledger's {@code panel} entry. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("menu", menu.objectives());
        json.put("rule", rule);
        json.put("phase", phase.id());
        json.put("allow_revision", allowRevision);
        json.put("created_at", createdAt.toString());
        return json;
    }
}

package org.mandate.audit.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A panel as configured before anyone voted: its objective menu, the ballot kinds it accepts, the
 * aggregation rule with its version and settings, the phases it plans to go through and how its members
 * are chosen. Being in the record before the first ballot is what proves the rule was not picked to suit
 * the result; the verifier checks every tally of the panel against it.
 *
 * <p>Payload: {@code {"allow_revision","ballot_kinds","created_at","menu","name","panel","phases","rule",
 * "rule_settings","rule_version","selection"}}.
 *
 * @param phases    the planned phases in order, a sub-sequence of {@link PhaseChanged#PHASES} ending with {@code closed}
 * @param createdAt ISO-8601 instant ({@link Instant#toString()} form)
 */
public record PanelConfigured(long panelId, String name, List<String> menu, List<String> ballotKinds, String rule, int ruleVersion,
                              Map<String, Object> ruleSettings, boolean allowRevision, List<String> phases,
                              MemberSelection selection, String createdAt) implements LedgerEvent {

    public static final String KIND = "panel";

    public PanelConfigured {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a panel needs a name");
        menu = List.copyOf(Objects.requireNonNull(menu, "menu"));
        if (menu.isEmpty()) throw new IllegalArgumentException("a panel votes on at least one objective");
        ballotKinds = List.copyOf(Objects.requireNonNull(ballotKinds, "ballotKinds"));
        if (ballotKinds.isEmpty()) throw new IllegalArgumentException("a panel accepts at least one ballot kind");
        if (rule == null || !rule.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("rule id must match [a-z][a-z0-9_]*, got " + rule);
        if (ruleVersion < 1) throw new IllegalArgumentException("rule versions start at 1");
        ruleSettings = new TreeMap<>(Objects.requireNonNull(ruleSettings, "ruleSettings"));
        phases = List.copyOf(Objects.requireNonNull(phases, "phases"));
        int last = -1;
        for (String p : phases) {
            int i = PhaseChanged.PHASES.indexOf(p);
            if (i <= last) throw new IllegalArgumentException("planned phases must be distinct phases of " + PhaseChanged.PHASES + " in that order, got " + phases);
            last = i;
        }
        if (phases.isEmpty() || !phases.getLast().equals("closed")) throw new IllegalArgumentException("a phase plan ends with closed, got " + phases);
        Objects.requireNonNull(selection, "selection");
        JsonTrees.requireInstant(createdAt, "createdAt");
    }

    @Override public String kind() { return KIND; }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("name", name);
        json.put("menu", menu);
        json.put("ballot_kinds", ballotKinds);
        json.put("rule", rule);
        json.put("rule_version", ruleVersion);
        json.put("rule_settings", ruleSettings);
        json.put("allow_revision", allowRevision);
        json.put("phases", phases);
        json.put("selection", selection.toJson());
        json.put("created_at", createdAt);
        return json;
    }

    static PanelConfigured fromJson(Map<String, Object> json) {
        return new PanelConfigured(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "name"), JsonTrees.strings(json, "menu"),
                JsonTrees.strings(json, "ballot_kinds"), JsonTrees.string(json, "rule"), Math.toIntExact(JsonTrees.integer(json, "rule_version")),
                JsonTrees.object(json, "rule_settings"), JsonTrees.bool(json, "allow_revision"), JsonTrees.strings(json, "phases"),
                MemberSelection.fromJson(JsonTrees.object(json, "selection")), JsonTrees.string(json, "created_at"));
    }
}

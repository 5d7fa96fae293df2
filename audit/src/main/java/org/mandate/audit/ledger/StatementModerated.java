package org.mandate.audit.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A statement hidden from (or restored to) a panel's deliberation, with the published reason. The entry
 * commits to the statement's text by its SHA-256, so the record proves what was hidden without repeating
 * it, and names the moderator by role only: moderation is accountable as an office, not as a person.
 *
 * <p>Payload: {@code {"action","at","by_role","panel","reason","statement","statement_sha256"}}.
 *
 * @param at ISO-8601 instant ({@link Instant#toString()} form)
 */
public record StatementModerated(long panelId, long statementId, String statementSha256, Action action, String reason,
                                 String byRole, String at) implements LedgerEvent {

    public static final String KIND = "moderation";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z_]{0,39}");

    /** What was done to the statement; the ids are the payload's spelling. */
    public enum Action {
        HIDE("hide_statement"), RESTORE("restore_statement");

        private final String id;

        Action(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Action of(String id) {
            for (Action a : values()) if (a.id.equals(id)) return a;
            throw new IllegalArgumentException("moderation action must be hide_statement or restore_statement, got " + id);
        }
    }

    public StatementModerated {
        if (statementId < 0) throw new IllegalArgumentException("statement ids are non-negative");
        if (statementSha256 == null || !SHA256.matcher(statementSha256).matches()) {
            throw new IllegalArgumentException("statement hash must be 64 lower-case hex digits, got " + statementSha256);
        }
        Objects.requireNonNull(action, "action");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("moderation is published with its reason");
        if (byRole == null || !ROLE.matcher(byRole).matches()) throw new IllegalArgumentException("the moderator is named by role ([a-z_]+), got " + byRole);
        JsonTrees.requireInstant(at, "at");
    }

    @Override public String kind() { return KIND; }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("statement", statementId);
        json.put("statement_sha256", statementSha256);
        json.put("action", action.id());
        json.put("reason", reason);
        json.put("by_role", byRole);
        json.put("at", at);
        return json;
    }

    static StatementModerated fromJson(Map<String, Object> json) {
        return new StatementModerated(JsonTrees.integer(json, "panel"), JsonTrees.integer(json, "statement"),
                JsonTrees.string(json, "statement_sha256"), Action.of(JsonTrees.string(json, "action")), JsonTrees.string(json, "reason"),
                JsonTrees.string(json, "by_role"), JsonTrees.string(json, "at"));
    }
}

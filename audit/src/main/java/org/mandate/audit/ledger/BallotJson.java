package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one definition of a ballot's canonical JSON, for every kind: {@code {"cast_at", <field>, "kind",
 * "panel", "version", "voter"}}. Weight ballots omit {@code kind} (they kept the form they had before
 * other kinds existed, so older receipts still recompute); the entry's payload is this object plus
 * {@code receipt}.
 */
final class BallotJson {

    private BallotJson() {}

    static void checkHeader(String voter, int version, String castAt) {
        if (voter == null || voter.isBlank()) throw new IllegalArgumentException("a ballot entry needs a pseudonymous voter id");
        if (version < 1) throw new IllegalArgumentException("ballot versions start at 1");
        JsonTrees.requireInstant(castAt, "castAt");
    }

    /** The ballot object; {@code kind} null for a weight ballot. */
    static Map<String, Object> ballot(long panelId, String voter, int version, String kind, String field, Object content, String castAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("voter", voter);
        json.put("version", version);
        if (kind != null) json.put("kind", kind);
        json.put(field, content);
        json.put("cast_at", castAt);
        return json;
    }

    /** The entry payload: the ballot and its receipt. */
    static Map<String, Object> entry(BallotEntry b) {
        Map<String, Object> json = b.ballot();
        json.put("receipt", b.receipt());
        return json;
    }

    /** Refuses a payload whose stated receipt is not the hash of its content. */
    static <B extends BallotEntry> B receiptChecked(B b, Map<String, Object> json) {
        String stated = JsonTrees.string(json, "receipt");
        if (!stated.equals(b.receipt())) {
            throw new IllegalArgumentException(b.ballotKind() + " ballot of " + b.voter() + " states receipt " + stated + " but its content hashes to " + b.receipt());
        }
        return b;
    }
}

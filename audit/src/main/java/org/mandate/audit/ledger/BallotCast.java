package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of one member's ballot. Only the pseudonymous voter id is recorded, never an identity.
 * The receipt the member keeps is the SHA-256 of the canonical ballot without the receipt, so a member
 * can find their entry and anyone can check the receipt matches the weights counted.
 *
 * <p>Payload: {@code {"cast_at","panel","receipt","version","voter","weights"}}, the same bytes the
 * deliberation-api ballot service writes under kind {@code ballot}.
 *
 * @param castAt ISO-8601 instant ({@link Instant#toString()} form)
 */
public record BallotCast(long panelId, String voter, int version, SortedMap<String, Double> weights, String castAt)
        implements LedgerEvent {

    public static final String KIND = "ballot";

    public BallotCast {
        if (voter == null || voter.isBlank()) throw new IllegalArgumentException("a ballot entry needs a pseudonymous voter id");
        if (version < 1) throw new IllegalArgumentException("ballot versions start at 1");
        weights = new TreeMap<>(Objects.requireNonNull(weights, "weights"));
        try {
            Instant.parse(Objects.requireNonNull(castAt, "castAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("castAt must be an ISO-8601 instant, got " + castAt, e);
        }
    }

    public BallotCast(long panelId, String voter, int version, SortedMap<String, Double> weights, Instant castAt) {
        this(panelId, voter, version, weights, castAt.toString());
    }

    @Override public String kind() { return KIND; }

    /** The ballot as the member cast it: the receipt's preimage. */
    public Map<String, Object> ballot() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("voter", voter);
        json.put("version", version);
        json.put("weights", weights);
        json.put("cast_at", castAt);
        return json;
    }

    /** SHA-256 (hex) of the canonical ballot: what the member was handed when voting. */
    public String receipt() {
        return CanonicalJson.sha256(ballot());
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = ballot();
        json.put("receipt", receipt());
        return json;
    }

    static BallotCast fromJson(Map<String, Object> json) {
        BallotCast b = new BallotCast(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "voter"),
                Math.toIntExact(JsonTrees.integer(json, "version")), JsonTrees.doubles(json, "weights"),
                JsonTrees.string(json, "cast_at"));
        String stated = JsonTrees.string(json, "receipt");
        if (!stated.equals(b.receipt())) {
            throw new IllegalArgumentException("ballot of " + b.voter + " states receipt " + stated + " but its content hashes to " + b.receipt());
        }
        return b;
    }
}

package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of one member's ballot. Only the pseudonymous voter id is recorded, never an identity.
 * The receipt the member keeps is the SHA-256 of the canonical ballot without the receipt, so a member
 * can find their entry and anyone can check the receipt matches the weights counted.
 *
 * <p>Payload: {@code {"cast_at","panel","receipt","version","voter","weights"}} ({@link BallotJson}), the
 * bytes the deliberation-api ballot writer appends under kind {@code ballot}, through this record.
 *
 * @param castAt ISO-8601 instant ({@link Instant#toString()} form)
 */
public record BallotCast(long panelId, String voter, int version, SortedMap<String, Double> weights, String castAt)
        implements BallotEntry {

    public static final String KIND = "ballot";

    public BallotCast {
        BallotJson.checkHeader(voter, version, castAt);
        weights = new TreeMap<>(Objects.requireNonNull(weights, "weights"));
    }

    public BallotCast(long panelId, String voter, int version, SortedMap<String, Double> weights, Instant castAt) {
        this(panelId, voter, version, weights, castAt.toString());
    }

    @Override public String kind() { return KIND; }

    @Override public String ballotKind() { return "weights"; }

    /** The ballot as the member cast it: the receipt's preimage (no {@code kind} field: the form weight ballots always had). */
    @Override
    public Map<String, Object> ballot() {
        return BallotJson.ballot(panelId, voter, version, null, "weights", weights, castAt);
    }

    @Override
    public Object toJsonValue() {
        return BallotJson.entry(this);
    }

    /**
     * A ballot from its stored canonical form ({@link #ballot()}, the receipt's preimage, as the ballot
     * service keeps it): what a tally needs to compute {@link TallyComputed#of}.
     */
    public static BallotCast ofStoredBallot(String canonicalBallot) {
        Map<String, Object> json = org.mandate.objectives.json.Json.parseObject(canonicalBallot);
        BallotCast b = new BallotCast(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "voter"),
                Math.toIntExact(JsonTrees.integer(json, "version")), JsonTrees.doubles(json, "weights"), JsonTrees.string(json, "cast_at"));
        if (!CanonicalJson.write(b.ballot()).equals(canonicalBallot)) {
            throw new IllegalArgumentException("stored ballot of " + b.voter() + " is not in canonical form");
        }
        return b;
    }

    static BallotCast fromJson(Map<String, Object> json) {
        BallotCast b = new BallotCast(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "voter"),
                Math.toIntExact(JsonTrees.integer(json, "version")), JsonTrees.doubles(json, "weights"),
                JsonTrees.string(json, "cast_at"));
        return BallotJson.receiptChecked(b, json);
    }
}

package org.mandate.audit.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of one member's ballot of a kind other than weights: floors ({@code floors}: objective id to
 * the least acceptable level), slate comparisons ({@code comparisons}: {@code {a, b, preference}} with a
 * whole preference in -10..10), a ranking of packaged proposals ({@code ranking}: tiers of proposal ids,
 * best first) or approvals of data-use rules ({@code votes}: item id to true, false or null for abstain).
 * The content is normalised to plain JSON values on construction, so a record and the payload it
 * writes always read back equal.
 *
 * <p>Payload: {@code {"cast_at",<field>,"kind","panel","receipt","version","voter"}} ({@link BallotJson})
 * under ledger kind {@code ballot_floors}, {@code ballot_comparison}, {@code ballot_ranking} or
 * {@code ballot_approval}; the receipt is the SHA-256 of the payload without it.
 *
 * @param ballotKind {@code floors}, {@code comparison}, {@code ranking} or {@code approval}
 * @param content    the kind's field as described above
 * @param castAt     ISO-8601 instant ({@link Instant#toString()} form)
 */
public record KindBallotCast(long panelId, String voter, int version, String ballotKind, Object content, String castAt)
        implements BallotEntry {

    /** Ballot kind to the field that holds its content. */
    public static final Map<String, String> FIELDS = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "floors", "floors", "comparison", "comparisons", "ranking", "ranking", "approval", "votes")));
    /** The ledger kinds, one per ballot kind: {@code ballot_<kind>}. */
    public static final List<String> KINDS = List.of("ballot_floors", "ballot_comparison", "ballot_ranking", "ballot_approval");

    public KindBallotCast {
        BallotJson.checkHeader(voter, version, castAt);
        if (!FIELDS.containsKey(ballotKind)) throw new IllegalArgumentException("ballot kind must be one of " + FIELDS.keySet() + ", got " + ballotKind);
        content = normalised(ballotKind, Objects.requireNonNull(content, "content"));
    }

    public KindBallotCast(long panelId, String voter, int version, String ballotKind, Object content, Instant castAt) {
        this(panelId, voter, version, ballotKind, content, castAt.toString());
    }

    @Override public String kind() { return "ballot_" + ballotKind; }

    /** The JSON field holding this kind's content. */
    public String field() {
        return FIELDS.get(ballotKind);
    }

    @Override
    public Map<String, Object> ballot() {
        return BallotJson.ballot(panelId, voter, version, ballotKind, field(), content, castAt);
    }

    @Override
    public Object toJsonValue() {
        return BallotJson.entry(this);
    }

    /** A floors ballot's proposals: objective id to the level proposed. */
    @SuppressWarnings("unchecked")
    public SortedMap<String, Double> floors() {
        if (!ballotKind.equals("floors")) throw new IllegalStateException("a " + ballotKind + " ballot has no floors");
        return Collections.unmodifiableSortedMap((SortedMap<String, Double>) content);
    }

    static KindBallotCast fromJson(String ledgerKind, Map<String, Object> json) {
        String ballotKind = ledgerKind.substring("ballot_".length());
        String stated = JsonTrees.string(json, "kind");
        if (!stated.equals(ballotKind)) throw new IllegalArgumentException("a " + ledgerKind + " entry holds a ballot of kind " + stated);
        String field = FIELDS.get(ballotKind);
        if (field == null || !json.containsKey(field)) throw new IllegalArgumentException("field '" + field + "' is missing");
        KindBallotCast b = new KindBallotCast(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "voter"),
                Math.toIntExact(JsonTrees.integer(json, "version")), ballotKind, json.get(field), JsonTrees.string(json, "cast_at"));
        return BallotJson.receiptChecked(b, json);
    }

    /** The content as plain, immutable JSON values of the kind's shape; anything else is refused. */
    private static Object normalised(String kind, Object content) {
        String field = FIELDS.get(kind);
        return switch (kind) {
            case "floors" -> {
                TreeMap<String, Double> floors = new TreeMap<>();
                object(content, field).forEach((k, v) -> {
                    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) throw new IllegalArgumentException("'floors." + k + "' must be a number, got " + v);
                    floors.put(k, n.doubleValue());
                });
                yield Collections.unmodifiableSortedMap(floors);
            }
            case "comparison" -> {
                if (!(content instanceof List<?> list) || list.isEmpty()) throw new IllegalArgumentException("'comparisons' must be a non-empty list");
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object o : list) {
                    Map<String, Object> c = object(o, "comparisons[]");
                    if (!c.keySet().equals(java.util.Set.of("a", "b", "preference"))) {
                        throw new IllegalArgumentException("a comparison has exactly the fields a, b and preference, got " + c.keySet());
                    }
                    if (!(c.get("a") instanceof String a) || !(c.get("b") instanceof String b)) throw new IllegalArgumentException("a comparison names its slates a and b");
                    if (!(c.get("preference") instanceof Number p) || p.doubleValue() != Math.rint(p.doubleValue()) || Math.abs(p.doubleValue()) > 10) {
                        throw new IllegalArgumentException("a comparison's preference must be a whole number in -10..10, got " + c.get("preference"));
                    }
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("a", a);
                    one.put("b", b);
                    one.put("preference", (long) p.doubleValue());
                    out.add(Collections.unmodifiableMap(one));
                }
                yield List.copyOf(out);
            }
            case "ranking" -> {
                if (!(content instanceof List<?> list) || list.isEmpty()) throw new IllegalArgumentException("'ranking' must be a non-empty list of tiers");
                List<List<String>> tiers = new ArrayList<>();
                for (Object t : list) {
                    if (!(t instanceof List<?> tier) || tier.isEmpty()) throw new IllegalArgumentException("each tier of a ranking is a non-empty list of proposal ids");
                    List<String> ids = new ArrayList<>();
                    for (Object id : tier) {
                        if (!(id instanceof String s)) throw new IllegalArgumentException("a ranking holds proposal ids, got " + id);
                        ids.add(s);
                    }
                    tiers.add(List.copyOf(ids));
                }
                yield List.copyOf(tiers);
            }
            case "approval" -> {
                TreeMap<String, Boolean> votes = new TreeMap<>();
                object(content, field).forEach((k, v) -> {
                    if (v != null && !(v instanceof Boolean)) throw new IllegalArgumentException("the vote on '" + k + "' must be true, false or null, got " + v);
                    votes.put(k, (Boolean) v);
                });
                yield Collections.unmodifiableSortedMap(votes);
            }
            default -> throw new IllegalArgumentException("unknown ballot kind " + kind);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String field) {
        if (value instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) if (!(k instanceof String)) throw new IllegalArgumentException("'" + field + "' must have string keys");
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("'" + field + "' must be an object, got " + value);
    }
}

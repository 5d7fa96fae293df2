package org.mandate.deliberation.service;

import org.mandate.objectives.ballot.ApprovalBallot;
import org.mandate.objectives.ballot.Ballot;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.ComparisonBallot;
import org.mandate.objectives.ballot.FloorBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.RankingBallot;
import org.mandate.objectives.ballot.Slate;
import org.mandate.objectives.ballot.SlateComparison;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.tally.BradleyTerryFit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.mandate.objectives.ballot.BallotRejected.Reason.EMPTY;
import static org.mandate.objectives.ballot.BallotRejected.Reason.OUT_OF_RANGE;
import static org.mandate.objectives.ballot.BallotRejected.Reason.UNKNOWN_OBJECTIVE;
import static org.mandate.objectives.ballot.BallotRejected.Reason.UNKNOWN_OPTION;

/**
 * A ballot of one kind, checked completely against the panel (menu, slates, proposals, rules) before
 * anything is written, and its content as stored: the field that holds it in the ballot's canonical JSON
 * ({@code weights}, {@code floors}, {@code comparisons}, {@code ranking} or {@code votes}). The same
 * class reads a stored ballot back into the objectives module's value the tally counts.
 */
public record BallotContent(BallotKind kind, String field, Object value) {

    /** Comparisons in one ballot: plenty for a fit, and a bound on the work one request can cause. */
    public static final int MAX_COMPARISONS = 100;

    /** Validates a ballot given as the request's JSON fields (the kind's own field: points, floors, comparisons, ranking, votes). */
    public static BallotContent parse(BallotKind kind, String voter, Map<String, Object> body, ObjectiveMenu menu, VoteSettings settings) {
        return switch (kind) {
            case WEIGHTS -> {
                if (!(body.get("points") instanceof Map<?, ?> raw)) throw new Refused(Refused.Kind.INVALID, "'points' must be an object of numbers");
                Map<String, Double> points = new LinkedHashMap<>();
                raw.forEach((k, v) -> points.put((String) k, JsonInput.number(v)));
                yield weights(menu.admit(WeightBallot.ofPoints(voter, points)));
            }
            case FLOORS -> {
                if (!(body.get("floors") instanceof Map<?, ?> raw)) throw new Refused(Refused.Kind.INVALID, "'floors' must be an object of numbers");
                Map<String, Double> floors = new TreeMap<>();
                raw.forEach((k, v) -> floors.put((String) k, JsonInput.number(v)));
                FloorBallot ballot = new FloorBallot(voter, new TreeMap<>(floors));
                for (String id : ballot.floors().keySet()) {
                    if (!menu.objectives().contains(id)) throw new BallotRejected(UNKNOWN_OBJECTIVE, "'" + id + "' is not on this panel's menu: " + String.join(", ", menu.objectives()));
                }
                yield new BallotContent(kind, "floors", ballot.floors());
            }
            case COMPARISON -> {
                List<?> raw = JsonInput.list(JsonInput.required(body, "comparisons"), "comparisons");
                if (raw.isEmpty()) throw new BallotRejected(EMPTY, "a comparison ballot needs at least one comparison");
                if (raw.size() > MAX_COMPARISONS) throw new BallotRejected(OUT_OF_RANGE, "at most " + MAX_COMPARISONS + " comparisons per ballot, got " + raw.size());
                List<Map<String, Object>> stored = new ArrayList<>();
                for (Object o : raw) {
                    Map<String, Object> c = JsonInput.object(o, "comparisons[]");
                    String a = JsonInput.text(c.get("a"), "comparisons[].a"), b = JsonInput.text(c.get("b"), "comparisons[].b");
                    if (!(c.get("preference") instanceof Number p) || p.doubleValue() != Math.rint(p.doubleValue())) {
                        throw new BallotRejected(OUT_OF_RANGE, "a comparison's preference must be a whole number in -10..10");
                    }
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("a", a);
                    one.put("b", b);
                    one.put("preference", (long) p.doubleValue());
                    stored.add(one);
                }
                BallotContent content = new BallotContent(kind, "comparisons", stored);
                // Fitting now refuses a ballot the tally could not count, before anything is written.
                fit(settings, menu).fit((ComparisonBallot) content.toBallot(voter, settings), menu);
                yield content;
            }
            case RANKING -> {
                List<?> raw = JsonInput.list(JsonInput.required(body, "ranking"), "ranking");
                List<List<String>> tiers = new ArrayList<>();
                for (Object t : raw) {
                    if (t instanceof String s) tiers.add(List.of(s));
                    else {
                        List<String> tier = new ArrayList<>();
                        for (Object id : JsonInput.list(t, "ranking[]")) tier.add(JsonInput.text(id, "ranking[][]"));
                        tiers.add(tier);
                    }
                }
                RankingBallot ballot = new RankingBallot(voter, tiers);
                for (List<String> tier : ballot.tiers()) {
                    for (String id : tier) {
                        if (!settings.proposalIds().contains(id)) throw new BallotRejected(UNKNOWN_OPTION, "'" + id + "' is not one of the proposals: " + String.join(", ", settings.proposalIds()));
                    }
                }
                yield new BallotContent(kind, "ranking", ballot.tiers());
            }
            case APPROVAL -> {
                if (!(body.get("votes") instanceof Map<?, ?> raw)) throw new Refused(Refused.Kind.INVALID, "'votes' must be an object of true (yes) and false (no)");
                TreeMap<String, Boolean> votes = new TreeMap<>();
                raw.forEach((k, v) -> {
                    if (v != null && !(v instanceof Boolean)) throw new Refused(Refused.Kind.INVALID, "the vote on '" + k + "' must be true or false");
                    votes.put((String) k, (Boolean) v);
                });
                ApprovalBallot ballot = new ApprovalBallot(voter, votes);
                for (String id : ballot.votes().keySet()) {
                    if (!settings.itemIds().contains(id)) throw new BallotRejected(UNKNOWN_OPTION, "'" + id + "' is not put to this vote: " + String.join(", ", settings.itemIds()));
                }
                yield new BallotContent(kind, "votes", ballot.votes());
            }
        };
    }

    static BallotContent weights(WeightBallot ballot) {
        return new BallotContent(BallotKind.WEIGHTS, "weights", ballot.weights());
    }

    /** The Bradley–Terry fit of a panel: scales from its slate pool, the default regularisation. */
    public static BradleyTerryFit fit(VoteSettings settings, ObjectiveMenu menu) {
        return BradleyTerryFit.withScalesFrom(settings.slates(), menu, BradleyTerryFit.DEFAULT_REGULARISATION);
    }

    /** The stored ballot's content (the map read back from its canonical JSON) as this kind's content. */
    static BallotContent stored(BallotKind kind, Map<String, Object> ballotJson) {
        String field = switch (kind) {
            case WEIGHTS -> "weights";
            case FLOORS -> "floors";
            case COMPARISON -> "comparisons";
            case RANKING -> "ranking";
            case APPROVAL -> "votes";
        };
        return new BallotContent(kind, field, ballotJson.get(field));
    }

    /** The objectives module's ballot for this content, cast by {@code voter}. */
    @SuppressWarnings("unchecked")
    public Ballot toBallot(String voter, VoteSettings settings) {
        return switch (kind) {
            case WEIGHTS -> new WeightBallot(voter, doubles(value));
            case FLOORS -> new FloorBallot(voter, doubles(value));
            case COMPARISON -> {
                List<SlateComparison> comparisons = new ArrayList<>();
                for (Object o : (List<?>) value) {
                    Map<String, Object> c = (Map<String, Object>) o;
                    Slate a = settings.slate((String) c.get("a")), b = settings.slate((String) c.get("b"));
                    if (a == null || b == null) {
                        throw new BallotRejected(UNKNOWN_OPTION, "slates '" + c.get("a") + "' and '" + c.get("b") + "' must both be among the slates shown: "
                                + String.join(", ", settings.slates().stream().map(Slate::id).toList()));
                    }
                    comparisons.add(new SlateComparison(a, b, ((Number) c.get("preference")).intValue()));
                }
                yield new ComparisonBallot(voter, comparisons);
            }
            case RANKING -> {
                List<List<String>> tiers = new ArrayList<>();
                for (Object t : (List<?>) value) tiers.add(((List<?>) t).stream().map(String.class::cast).toList());
                yield new RankingBallot(voter, tiers);
            }
            case APPROVAL -> {
                TreeMap<String, Boolean> votes = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> votes.put((String) k, (Boolean) v));
                yield new ApprovalBallot(voter, votes);
            }
        };
    }

    private static TreeMap<String, Double> doubles(Object value) {
        TreeMap<String, Double> out = new TreeMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, ((Number) v).doubleValue()));
        return out;
    }
}

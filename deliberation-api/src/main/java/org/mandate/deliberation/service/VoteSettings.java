package org.mandate.deliberation.service;

import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.Slate;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.mandate.Personalisation;
import org.mandate.objectives.tally.ApprovalRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.mandate.deliberation.service.Refused.Kind.INVALID;

/**
 * What a panel's ballot offers: the ballot kinds (exactly one primary kind decides the weights) and what
 * each needs — the slates members compare, the packaged proposals they rank (with the status quo), the
 * data-use rules they approve or reject with the approval rule's quorum and majority (each forbids an attribute
 * or limits the interactions' age, see {@link ApprovalItem}) — and the mandate's
 * personalisation rule (how far each user may move the voted weights, which objectives no user may lower;
 * null = not at all). Fixed before voting opens and published in the ledger, so members vote knowing how far
 * their result may be bent one user at a time.
 */
public record VoteSettings(List<BallotKind> kinds, List<Slate> slates, List<Proposal> proposals, String statusQuo,
                           List<ApprovalItem> items, double quorum, double majority, Personalisation personalisation) {

    public static final int MAX_OPTIONS = 20;
    public static final int MAX_SLATES = 40;
    /** The approval item field that limits the interactions' age, as the ledger and the mandate name it. */
    static final String AGE_FIELD = "max_interaction_age_days";

    /** A panel without settings votes weights only, as every panel did before ballot kinds existed. */
    public static final VoteSettings WEIGHTS_ONLY = new VoteSettings(List.of(BallotKind.WEIGHTS), List.of(), List.of(), null, List.of(), 0, 0.5, null);

    public VoteSettings {
        kinds = kinds.stream().distinct().sorted().toList();
        slates = List.copyOf(slates);
        proposals = List.copyOf(proposals);
        items = List.copyOf(items);
    }

    public boolean offers(BallotKind kind) {
        return kinds.contains(kind);
    }

    /** The kind that decides the mandate's weights. */
    public BallotKind primary() {
        return kinds.stream().filter(BallotKind::primary).findFirst().orElseThrow();
    }

    public ApprovalRule approvalRule() {
        return new ApprovalRule(quorum, majority);
    }

    public Slate slate(String id) {
        return slates.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public List<String> proposalIds() {
        return proposals.stream().map(Proposal::id).toList();
    }

    public List<String> itemIds() {
        return items.stream().map(ApprovalItem::id).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kinds", kinds.stream().map(BallotKind::id).toList());
        if (offers(BallotKind.COMPARISON)) json.put("slates", slates);
        if (offers(BallotKind.RANKING)) {
            json.put("proposals", proposals.stream().map(Proposal::toJson).toList());
            json.put("status_quo", statusQuo);
        }
        if (offers(BallotKind.APPROVAL)) {
            json.put("items", items.stream().map(ApprovalItem::toJson).toList());
            json.put("quorum", quorum);
            json.put("majority", majority);
        }
        // Only when set, so settings stored before personalisation existed keep their bytes.
        if (personalisation != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("max_shift", personalisation.maxShift());
            p.put("locked", List.copyOf(personalisation.locked()));
            json.put("personalisation", p);
        }
        return json;
    }

    /** Reads and checks settings against the panel's menu; anything inconsistent is refused with INVALID. */
    public static VoteSettings fromJson(Map<String, Object> json, ObjectiveMenu menu) {
        JsonInput.onlyFields(json, "vote settings", List.of("kinds", "slates", "proposals", "status_quo", "items", "quorum", "majority", "personalisation"));
        List<BallotKind> kinds = new ArrayList<>();
        for (Object k : JsonInput.list(JsonInput.required(json, "kinds"), "kinds")) {
            BallotKind kind = BallotKind.of(JsonInput.text(k, "kinds[]"));
            if (kinds.contains(kind)) throw new Refused(INVALID, "ballot kind '" + kind.id() + "' is listed twice");
            kinds.add(kind);
        }
        long primaries = kinds.stream().filter(BallotKind::primary).count();
        if (primaries != 1) {
            throw new Refused(INVALID, "a panel offers exactly one of weights, comparison and ranking (they decide the weights), got " + primaries);
        }
        List<Slate> slates = List.of();
        List<Proposal> proposals = List.of();
        String statusQuo = null;
        List<ApprovalItem> items = List.of();
        double quorum = 0, majority = 0.5;
        requireAbsentUnless(json, kinds, BallotKind.COMPARISON, "slates");
        requireAbsentUnless(json, kinds, BallotKind.RANKING, "proposals", "status_quo");
        requireAbsentUnless(json, kinds, BallotKind.APPROVAL, "items", "quorum", "majority");
        if (kinds.contains(BallotKind.COMPARISON)) slates = slates(json, menu);
        if (kinds.contains(BallotKind.RANKING)) {
            proposals = proposals(json, menu);
            if (json.get("status_quo") != null) {
                statusQuo = JsonInput.id(json.get("status_quo"), "status_quo");
                String sq = statusQuo;
                if (proposals.stream().noneMatch(p -> p.id().equals(sq))) throw new Refused(INVALID, "the status quo '" + sq + "' is not one of the proposals");
            }
        }
        if (kinds.contains(BallotKind.APPROVAL)) {
            items = items(json);
            if (json.containsKey("quorum")) quorum = JsonInput.number(json.get("quorum"), "quorum");
            if (json.containsKey("majority")) majority = JsonInput.number(json.get("majority"), "majority");
            try {
                new ApprovalRule(quorum, majority);
            } catch (IllegalArgumentException e) {
                throw new Refused(INVALID, e.getMessage());
            }
        }
        Personalisation personalisation = json.get("personalisation") == null ? null : personalisation(json.get("personalisation"), menu);
        return new VoteSettings(kinds, slates, proposals, statusQuo, items, quorum, majority, personalisation);
    }

    /** {@code {"max_shift": 0.2, "locked": ["provider_fairness"]}}: a distance in [0, 1] and objectives of the menu. */
    private static Personalisation personalisation(Object raw, ObjectiveMenu menu) {
        Map<String, Object> p = JsonInput.object(raw, "personalisation");
        JsonInput.onlyFields(p, "personalisation", List.of("max_shift", "locked"));
        double maxShift = JsonInput.number(JsonInput.required(p, "max_shift"), "personalisation.max_shift");
        if (maxShift < 0 || maxShift > 1) {
            throw new Refused(INVALID, "the largest personal shift is a distance from 0 to 1, got " + maxShift);
        }
        Set<String> locked = new java.util.TreeSet<>();
        if (p.get("locked") != null) {
            for (Object o : JsonInput.list(p.get("locked"), "personalisation.locked")) {
                String id = JsonInput.text(o, "personalisation.locked[]");
                if (!menu.objectives().contains(id)) {
                    throw new Refused(INVALID, "a locked objective must be on the panel's menu; '" + id + "' is not: " + String.join(", ", menu.objectives()));
                }
                if (!locked.add(id)) throw new Refused(INVALID, "the objective '" + id + "' is locked twice");
            }
        }
        return new Personalisation(maxShift, locked);
    }

    private static void requireAbsentUnless(Map<String, Object> json, List<BallotKind> kinds, BallotKind kind, String... fields) {
        if (kinds.contains(kind)) return;
        for (String f : fields) {
            if (json.get(f) != null) throw new Refused(INVALID, "'" + f + "' only goes with ballot kind " + kind.id() + ", which is not offered");
        }
    }

    private static List<Slate> slates(Map<String, Object> json, ObjectiveMenu menu) {
        return entries(json, "slates", 2, MAX_SLATES, "comparisons need", "slates", "a slate", "slate", List.of("id", "produced_under", "metrics"), (id, s) -> {
            TreeMap<String, Double> metrics = numbers(JsonInput.object(JsonInput.required(s, "metrics"), "slates[].metrics"), "metrics of slate " + id);
            for (String objective : menu.objectives()) {
                if (!metrics.containsKey(objective)) throw new Refused(INVALID, "slate '" + id + "' has no metric for '" + objective + "'");
            }
            for (String objective : metrics.keySet()) {
                if (!menu.objectives().contains(objective)) throw new Refused(INVALID, "slate '" + id + "' measures '" + objective + "', which is not on the menu");
            }
            TreeMap<String, Double> under = s.get("produced_under") == null ? new TreeMap<>()
                    : numbers(JsonInput.object(s.get("produced_under"), "slates[].produced_under"), "produced_under of slate " + id);
            return new Slate(id, under, metrics);
        });
    }

    private static List<Proposal> proposals(Map<String, Object> json, ObjectiveMenu menu) {
        return entries(json, "proposals", 2, MAX_OPTIONS, "a ranking needs", "proposals", "a proposal", "proposal", List.of("id", "label", "weights"), (id, p) -> {
            String label = JsonInput.label(p.get("label"), "proposals[].label");
            TreeMap<String, Double> weights = numbers(JsonInput.object(JsonInput.required(p, "weights"), "proposals[].weights"), "weights of proposal " + id);
            try {
                menu.admit(new WeightBallot("proposal-" + id, weights));
            } catch (BallotRejected e) {
                throw new Refused(INVALID, "proposal '" + id + "': " + e.getMessage());
            }
            return new Proposal(id, label, weights);
        });
    }

    /**
     * Each rule either forbids an attribute ({@code forbid_attribute}) or limits the interactions' age
     * ({@code max_interaction_age_days}, a whole number of days from 1 to {@link ApprovalItem#MAX_AGE_DAYS}); never both.
     */
    private static List<ApprovalItem> items(Map<String, Object> json) {
        return entries(json, "items", 1, MAX_OPTIONS, "an approval vote needs", "rules", "a rule", "rule", List.of("id", "label", "forbid_attribute", AGE_FIELD),
                (id, i) -> {
                    String label = JsonInput.label(i.get("label"), "items[].label");
                    boolean forbids = i.get("forbid_attribute") != null, ages = i.get(AGE_FIELD) != null;
                    if (forbids == ages) {
                        throw new Refused(INVALID, "rule '" + id + "' needs exactly one of forbid_attribute (an attribute the trainer may not read) and "
                                + AGE_FIELD + " (the oldest interaction it may use, in days)");
                    }
                    if (forbids) return new ApprovalItem.ForbidAttribute(id, label, JsonInput.id(i.get("forbid_attribute"), "items[].forbid_attribute"));
                    return new ApprovalItem.AgeLimit(id, label, ageDays(i.get(AGE_FIELD), id));
                });
    }

    /** A JSON whole number from 1 to {@link ApprovalItem#MAX_AGE_DAYS}: 0, negatives, fractions, strings and huge values are refused. */
    private static int ageDays(Object raw, String id) {
        if (!(raw instanceof Long || raw instanceof Integer)) {
            throw new Refused(INVALID, "'items[]." + AGE_FIELD + "' of rule '" + id + "' must be a whole number of days from 1 to " + ApprovalItem.MAX_AGE_DAYS + ", got " + shown(raw));
        }
        long days = ((Number) raw).longValue();
        if (days < 1 || days > ApprovalItem.MAX_AGE_DAYS) {
            throw new Refused(INVALID, "'items[]." + AGE_FIELD + "' of rule '" + id + "' must be a whole number of days from 1 to " + ApprovalItem.MAX_AGE_DAYS + ", got " + days);
        }
        return (int) days;
    }

    /** A refused value as the message shows it: numbers and booleans as written, anything longer by its type. */
    private static String shown(Object raw) {
        if (raw instanceof Number || raw instanceof Boolean) return String.valueOf(raw);
        return raw instanceof String ? "a string" : raw instanceof List<?> ? "an array" : "an object";
    }

    /**
     * The list under {@code field}: between {@code min} and {@code max} objects, each with only {@code allowed}
     * fields and an id no other entry has; {@code entry} builds one from its id and fields. One loop for slates,
     * proposals and approval rules so they refuse bad input with the same words.
     */
    private static <T> List<T> entries(Map<String, Object> json, String field, int min, int max, String needs, String plural,
                                       String anEntry, String entryName, List<String> allowed,
                                       java.util.function.BiFunction<String, Map<String, Object>, T> entry) {
        List<?> raw = JsonInput.list(JsonInput.required(json, field), field);
        if (raw.size() < min || raw.size() > max) throw new Refused(INVALID, needs + " " + min + " to " + max + " " + plural + ", got " + raw.size());
        List<T> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object o : raw) {
            Map<String, Object> e = JsonInput.object(o, field + "[]");
            JsonInput.onlyFields(e, anEntry, allowed);
            String id = JsonInput.id(e.get("id"), field + "[].id");
            if (!ids.add(id)) throw new Refused(INVALID, entryName + " '" + id + "' is listed twice");
            out.add(entry.apply(id, e));
        }
        return out;
    }

    private static TreeMap<String, Double> numbers(Map<String, Object> json, String where) {
        TreeMap<String, Double> out = new TreeMap<>();
        json.forEach((k, v) -> out.put(k, JsonInput.number(v, where + "." + k)));
        return out;
    }

    /** Settings as stored (canonical JSON written by {@link #toJson()}); the stored form was checked when it was set. */
    static VoteSettings parseStored(String json, ObjectiveMenu menu) {
        return fromJson(org.mandate.objectives.json.Json.parseObject(json), menu);
    }
}

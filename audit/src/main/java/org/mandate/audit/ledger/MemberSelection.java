package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a panel's members were chosen, as the organiser declared it when configuring the panel: a
 * report must say whether a panel is a random draw of the public or whoever answered an invitation,
 * because the legitimacy of the vote rests on it.
 *
 * @param method     {@code sortition} (uniform random draw), {@code stratified_sortition} (random draw within
 *                   quotas on {@code strata}), {@code invitation} (chosen by the organiser) or {@code open_call}
 *                   (anyone who applied)
 * @param population who was drawn or invited from, in plain words; null when not declared
 * @param strata     member attributes the draw was balanced on (e.g. region, age band); empty for none
 * @param note       anything else a reader should know (e.g. how many were invited); null for nothing
 */
public record MemberSelection(String method, String population, List<String> strata, String note) {

    public static final List<String> METHODS = List.of("sortition", "stratified_sortition", "invitation", "open_call");

    public MemberSelection {
        if (!METHODS.contains(method)) throw new IllegalArgumentException("member selection must be one of " + METHODS + ", got " + method);
        strata = List.copyOf(Objects.requireNonNull(strata, "strata"));
        for (String s : strata) {
            if (s == null || s.isBlank()) throw new IllegalArgumentException("a stratum attribute needs a name");
        }
        if (method.equals("stratified_sortition") && strata.isEmpty()) {
            throw new IllegalArgumentException("stratified sortition needs the attributes it balanced on");
        }
    }

    /** What a panel created without a declaration records: invitations, by means nobody stated. */
    public static MemberSelection undeclared() {
        return new MemberSelection("invitation", null, List.of(), "members joined with single-use invitations; how invitees were chosen was not declared");
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("population", population);
        json.put("strata", strata);
        json.put("note", note);
        return json;
    }

    static MemberSelection fromJson(Map<String, Object> json) {
        return new MemberSelection(JsonTrees.string(json, "method"), JsonTrees.optionalString(json, "population"),
                JsonTrees.strings(json, "strata"), JsonTrees.optionalString(json, "note"));
    }
}

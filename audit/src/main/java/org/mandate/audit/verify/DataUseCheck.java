package org.mandate.audit.verify;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyDetails;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.objectives.ballot.ApprovalBallot;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.tally.ApprovalResult;
import org.mandate.objectives.tally.ApprovalRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The mandate's data-use rules must be exactly what the panel's approval vote adopted: the approval items fixed
 * with the vote settings, recounted from the published {@code ballot_approval} entries (the latest version of
 * each voter before the tally, a delegate's ballot weighted by the votes they carry) with the settings' quorum
 * and majority. Each adopted item that forbids an attribute forbids it; every adopted interaction-age limit
 * holds at once, so the mandate's {@code max_interaction_age_days} is the shortest adopted one. A panel whose
 * settings put nothing to approval (or that received no approval ballot) gets no data-use rule at all.
 *
 * <p>The electorate (the panel's member count, which the quorum is a share of) is the one figure taken from
 * the tally's details: the record publishes ballots and delegations, not the list of members who never acted.
 * The recounted yes and no votes must match the details too, so the report's vote shares are the recount's.
 */
final class DataUseCheck {

    private DataUseCheck() {}

    /**
     * @param settings    the panel's vote settings (the caller skips panels the record fixed none for)
     * @param details     the panel's last tally details before its tally, or null
     * @param tallySeq    the seq of the panel's tally entry: ballots after it were not counted
     * @param delegations delegator to delegate, in force when the panel was tallied
     */
    static Check check(LedgerEntry entry, MandatePublished m, VoteSettingsFixed settings, TallyDetails details, long tallySeq,
                       List<LedgerEntry> entries, Map<String, String> delegations) {
        String name = "data use of panel " + m.panelId() + " (entry " + entry.seq() + ")";
        DataUseRules published = m.mandate().dataUse();
        try {
            Map<String, String> forbids = settings.forbiddenAttributes();
            Map<String, Integer> ages = settings.interactionAgeLimits();
            List<String> ids = itemIds(settings);
            for (String id : ids) {
                if (forbids.containsKey(id) == ages.containsKey(id)) {
                    throw new IllegalArgumentException("approval item '" + id + "' must either forbid an attribute or limit the interactions' age");
                }
            }
            Map<String, ApprovalBallot> ballots = settings.kinds().contains("approval") ? ballots(entries, m.panelId(), tallySeq) : Map.of();
            DataUseRules expected = DataUseRules.NONE;
            String how;
            if (ballots.isEmpty()) {
                how = settings.kinds().contains("approval") ? "no approval ballot was cast, so no data-use rule was adopted"
                        : "the vote settings put no data-use rule to approval";
            } else {
                Map<String, Object> recorded = details == null ? null : details.approval().orElse(null);
                if (recorded == null) return Check.fail(name, ballots.size() + " approval ballots were cast, but the tally's details record no approval count");
                double electorate = JsonTrees.number(recorded, "electorate");
                ApprovalRule rule = new ApprovalRule(JsonTrees.number(settings.settings(), "quorum"), JsonTrees.number(settings.settings(), "majority"));
                ApprovalResult recount = rule.tally(ids, electorate, List.copyOf(ballots.values()),
                        BundleVerifier.delegatedRights(ballots.keySet(), delegations));
                String mismatch = mismatch(recount, recorded);
                if (mismatch != null) return Check.fail(name, "recounting the " + ballots.size() + " approval ballots: " + mismatch);
                List<String> forbidden = new ArrayList<>();
                Integer age = null;
                for (ApprovalResult.ItemOutcome o : recount.items()) {
                    if (!o.passed()) continue;
                    if (forbids.containsKey(o.item())) forbidden.add(forbids.get(o.item()));
                    // all adopted limits hold at once: the shortest is the one that binds
                    Integer days = ages.get(o.item());
                    if (days != null && (age == null || days < age)) age = days;
                }
                expected = new DataUseRules(forbidden, age);
                how = "recounted from " + ballots.size() + " approval ballots (quorum " + rule.quorum() + " of " + electorate
                        + ", majority above " + rule.majority() + (delegations.isEmpty() ? "" : ", " + delegations.size() + " delegation(s) in force") + ")";
            }
            if (!Objects.equals(expected, published)) {
                return Check.fail(name, "the mandate says " + describe(published) + ", but " + how + " gives " + describe(expected));
            }
            return Check.pass(name, describe(published) + ", " + how);
        } catch (RuntimeException e) {
            return Check.fail(name, "the approval vote cannot be recounted: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> itemIds(VoteSettingsFixed settings) {
        List<String> out = new ArrayList<>();
        if (settings.settings().get("items") instanceof List<?> items) {
            for (Object o : items) out.add(JsonTrees.string((Map<String, Object>) o, "id"));
        }
        return out;
    }

    /** The latest approval ballot of each voter of the panel before {@code seq}, each receipt recomputed; abstentions left out. */
    @SuppressWarnings("unchecked")
    private static Map<String, ApprovalBallot> ballots(List<LedgerEntry> entries, long panel, long seq) {
        Map<String, KindBallotCast> latest = new TreeMap<>();
        for (LedgerEntry e : entries) {
            if (e.seq() >= seq) break;
            if (!e.kind().equals("ballot_approval")) continue;
            KindBallotCast b = (KindBallotCast) LedgerEvent.parse(e);
            if (b.panelId() != panel) continue;
            latest.merge(b.voter(), b, (old, now) -> now.version() > old.version() ? now : old);
        }
        Map<String, ApprovalBallot> out = new TreeMap<>();
        latest.forEach((voter, b) -> {
            TreeMap<String, Boolean> votes = new TreeMap<>();
            ((Map<String, Object>) b.ballot().get("votes")).forEach((item, v) -> { if (v != null) votes.put(item, (Boolean) v); });
            if (!votes.isEmpty()) out.put(voter, new ApprovalBallot(voter, votes));
        });
        return out;
    }

    /** Where the recount and the tally's recorded counts differ, or null when they agree item by item. */
    @SuppressWarnings("unchecked")
    private static String mismatch(ApprovalResult recount, Map<String, Object> recorded) {
        if (!(recorded.get("items") instanceof List<?> items)) return "the tally's details have no list of approval items";
        if (items.size() != recount.items().size()) return "the tally's details count " + items.size() + " items, the settings put " + recount.items().size() + " to the vote";
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> r = (Map<String, Object>) items.get(i);
            ApprovalResult.ItemOutcome o = recount.items().get(i);
            double yes = JsonTrees.number(r, "yes"), no = JsonTrees.number(r, "no");
            if (!o.item().equals(JsonTrees.string(r, "item")) || Math.abs(yes - o.yes()) > 1e-9 || Math.abs(no - o.no()) > 1e-9
                    || !Boolean.valueOf(o.passed()).equals(r.get("passed"))) {
                return "item '" + o.item() + "' has " + o.yes() + " yes, " + o.no() + " no" + (o.passed() ? ", adopted" : ", not adopted")
                        + ", but the tally's details record " + r.get("item") + ": " + yes + " yes, " + no + " no, passed " + r.get("passed");
            }
        }
        return null;
    }

    private static String describe(DataUseRules d) {
        if (d.forbiddenAttributes().isEmpty() && d.maxInteractionAgeDays() == null) return "no data-use rule";
        List<String> parts = new ArrayList<>();
        if (!d.forbiddenAttributes().isEmpty()) parts.add("attributes " + d.forbiddenAttributes() + " forbidden");
        parts.add(d.maxInteractionAgeDays() == null ? "no interaction-age limit" : "interactions of the last " + d.maxInteractionAgeDays() + " days only");
        return String.join(", ", parts);
    }
}

package org.mandate.audit.report;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.ledger.TallyDetails;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the panel voted on each rule of its mandate, read from the record alone, keyed by
 * {@link ApprovedRule#id()} ({@link ReportInput#ruleVotes()}):
 * <ul>
 *   <li>a floor or ceiling the floor ballots set: the ballots that proposed a bound at least as demanding
 *       (they support it) out of the floor ballots counted, a delegate's ballot once per vote they carried,
 *       as the tally's details record;</li>
 *   <li>a data-use rule put to approval: the yes votes out of the yes and no votes, as the approval rule
 *       counted them (abstentions express no view);</li>
 *   <li>the interaction-age limit: the vote on the adopted age item that set it, the shortest adopted limit
 *       (every adopted limit holds, so the shortest is the one in force).</li>
 * </ul>
 * Rules nobody voted on (a mandate written by hand, personalisation) have no entry.
 */
public final class RuleVotes {

    private RuleVotes() {}

    @SuppressWarnings("unchecked")
    public static Map<String, RuleVote> of(LedgerView view, long panelId) {
        Map<String, RuleVote> out = new TreeMap<>();
        Optional<LedgerView.Typed<TallyDetails>> found = view.lastTallyDetails(panelId);
        if (found.isEmpty()) return out;
        TallyDetails details = found.get().event();
        long before = found.get().entry().seq();

        details.floors().ifPresent(floors -> {
            long counted = JsonTrees.integer(floors, "ballot_count");
            Map<String, Long> votes = details.votes("floors");
            Map<String, KindBallotCast> latest = new TreeMap<>();
            for (LedgerView.Typed<KindBallotCast> t : view.all(KindBallotCast.class)) {
                KindBallotCast b = t.event();
                if (t.entry().seq() < before && b.panelId() == panelId && b.ballotKind().equals("floors")) {
                    latest.merge(b.voter(), b, (old, now) -> now.version() > old.version() ? now : old);
                }
            }
            if (!(floors.get("bounds") instanceof List<?> bounds)) throw new IllegalArgumentException("tally details of panel " + panelId + ": floors.bounds must be a list");
            for (Object o : bounds) {
                Map<String, Object> bound = (Map<String, Object>) o;
                String objective = JsonTrees.string(bound, "objective"), kind = JsonTrees.string(bound, "kind");
                double value = JsonTrees.number(bound, "value");
                boolean floor = kind.equals("floor");
                long support = 0;
                for (KindBallotCast b : latest.values()) {
                    Double proposed = b.floors().get(objective);
                    if (proposed != null && (floor ? proposed >= value : proposed <= value)) support += votes.getOrDefault(b.voter(), 1L);
                }
                if (counted >= 1) out.put(kind + "." + objective, new RuleVote(Math.min(support, counted), counted));
            }
        });

        details.approval().ifPresent(approval -> {
            Map<String, String> attributes = view.voteSettings(panelId).map(t -> t.event().forbiddenAttributes()).orElse(Map.of());
            Map<String, Integer> ages = view.voteSettings(panelId).map(t -> t.event().interactionAgeLimits()).orElse(Map.of());
            if (!(approval.get("items") instanceof List<?> items)) throw new IllegalArgumentException("tally details of panel " + panelId + ": approval.items must be a list");
            Integer shortest = null;
            for (Object o : items) {
                Map<String, Object> item = (Map<String, Object>) o;
                String id = JsonTrees.string(item, "item");
                String attribute = attributes.get(id);
                long yes = Math.round(JsonTrees.number(item, "yes")), no = Math.round(JsonTrees.number(item, "no"));
                if (attribute != null && yes + no >= 1) out.put("data_use.forbid." + attribute, new RuleVote(yes, yes + no));
                // Every adopted age limit holds, so the mandate's is the shortest adopted one: its vote is that item's
                // (the first such item in the settings' order when two adopted items give the same number of days).
                Integer days = ages.get(id);
                if (days != null && Boolean.TRUE.equals(item.get("passed")) && yes + no >= 1 && (shortest == null || days < shortest)) {
                    shortest = days;
                    out.put("data_use.max_interaction_age_days", new RuleVote(yes, yes + no));
                }
            }
        });
        return out;
    }
}

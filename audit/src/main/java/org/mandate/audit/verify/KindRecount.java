package org.mandate.audit.verify;

import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.objectives.ballot.ComparisonBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.RankingBallot;
import org.mandate.objectives.ballot.Slate;
import org.mandate.objectives.ballot.SlateComparison;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.tally.BradleyTerryFit;
import org.mandate.objectives.tally.SchulzeResult;
import org.mandate.objectives.tally.SchulzeRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.VotingRights;
import org.mandate.objectives.tally.WeightRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the tallies of panels whose weights come from slate comparisons or from a ranking of
 * packaged proposals, from what the ledger publishes: the panel's {@code vote_settings} entry (slates,
 * proposals, status quo), its {@code ballot_comparison} / {@code ballot_ranking} entries (each receipt
 * recomputed, the latest version of each voter counted) and its delegations. Comparisons are fitted
 * with the recorded Bradley–Terry model and aggregated by the recorded weight rule; rankings are counted
 * by the Schulze method, a delegate's ranking once per vote they carry, and the winner's weights are the
 * tally's.
 */
final class KindRecount {

    private KindRecount() {}

    /** The panel's vote settings published before {@code seq}, or null when it has none (it votes weights). */
    static Map<String, Object> settings(List<LedgerEntry> entries, long panel, long seq) {
        Map<String, Object> found = null;
        for (LedgerEntry e : entries) {
            if (e.seq() >= seq) break;
            if (!e.kind().equals(VoteSettingsFixed.KIND)) continue;
            VoteSettingsFixed s;
            try {
                s = (VoteSettingsFixed) LedgerEvent.parse(e);
            } catch (RuntimeException unreadable) {
                continue; // the verifier's "entries" line fails on it; a recount must not crash the verification
            }
            if (s.panelId() == panel) found = s.settings();
        }
        return found;
    }

    /** Whether the panel's weights come from comparisons or a ranking (else the ordinary weight recount applies). */
    static boolean applies(List<LedgerEntry> entries, long panel, long seq) {
        Map<String, Object> s = settings(entries, panel, seq);
        if (s == null || !(s.get("kinds") instanceof List<?> kinds)) return false;
        return kinds.contains("comparison") || kinds.contains("ranking");
    }

    static Check check(LedgerEntry tallyEntry, TallyComputed recorded, List<LedgerEntry> entries, Map<String, String> delegations) {
        String name = "tally of panel " + recorded.panelId() + " (entry " + tallyEntry.seq() + ")";
        try {
            Map<String, Object> settings = settings(entries, recorded.panelId(), tallyEntry.seq());
            boolean ranking = ((List<?>) settings.get("kinds")).contains("ranking");
            TallyRecord tally = recorded.tally();
            ObjectiveMenu menu = new ObjectiveMenu(tally.menu());
            Map<String, Map<String, Object>> ballots = latest(entries, recorded.panelId(), tallyEntry.seq(), ranking ? "ballot_ranking" : "ballot_comparison");
            VotingRights rights = BundleVerifier.delegatedRights(ballots.keySet(), delegations);
            TallyRecord recomputed = ranking ? ranking(settings, ballots, rights, menu) : comparison(settings, ballots, rights, menu, tally.rule());
            if (!recomputed.canonicalJson().equals(tally.canonicalJson())) {
                return Check.fail(name, "recomputing from " + ballots.size() + " published " + (ranking ? "rankings" : "comparison ballots")
                        + " gives " + recomputed.weights() + " (digest " + recomputed.ballotsDigest() + "), but the record says "
                        + tally.weights() + " (digest " + tally.ballotsDigest() + ")");
            }
            return Check.pass(name, "recomputed from " + ballots.size() + " published " + (ranking ? "rankings (Schulze, winner "
                    + tally.ruleSettings().get("winner") + ")" : "comparison ballots (fitted, then rule " + tally.rule() + ")")
                    + (delegations.isEmpty() ? "" : " with " + delegations.size() + " delegation(s) in force") + ": identical");
        } catch (RuntimeException e) {
            return Check.fail(name, "cannot be recomputed: " + e.getMessage());
        }
    }

    /** The latest ballot (its canonical form) of each voter of this kind on the panel before {@code seq}, each receipt recomputed. */
    private static Map<String, Map<String, Object>> latest(List<LedgerEntry> entries, long panel, long seq, String kind) {
        Map<String, KindBallotCast> latest = new TreeMap<>();
        for (LedgerEntry e : entries) {
            if (e.seq() >= seq) break;
            if (!e.kind().equals(kind)) continue;
            // parse recomputes the receipt and refuses a payload that disagrees
            KindBallotCast b = (KindBallotCast) LedgerEvent.parse(e);
            if (b.panelId() != panel) continue;
            latest.merge(b.voter(), b, (old, now) -> now.version() > old.version() ? now : old);
        }
        Map<String, Map<String, Object>> out = new TreeMap<>();
        latest.forEach((voter, b) -> out.put(voter, b.ballot()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static TallyRecord ranking(Map<String, Object> settings, Map<String, Map<String, Object>> ballots, VotingRights rights, ObjectiveMenu menu) {
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) settings.get("proposals");
        List<String> ids = proposals.stream().map(p -> (String) p.get("id")).toList();
        List<String> voters = new ArrayList<>(ballots.keySet());
        double[] votes = rights.vector(voters);
        List<RankingBallot> counted = new ArrayList<>();
        for (int v = 0; v < voters.size(); v++) {
            List<List<String>> tiers = new ArrayList<>();
            for (Object t : (List<?>) ballots.get(voters.get(v)).get("ranking")) tiers.add(((List<?>) t).stream().map(String.class::cast).toList());
            for (int k = 1; k <= (long) votes[v]; k++) counted.add(new RankingBallot(k == 1 ? voters.get(v) : voters.get(v) + "#" + k, tiers));
        }
        SchulzeRule schulze = new SchulzeRule((String) settings.get("status_quo"));
        SchulzeResult r = schulze.tally(ids, counted);
        Map<String, Object> winner = proposals.stream().filter(p -> p.get("id").equals(r.winner())).findFirst().orElseThrow();
        TreeMap<String, Double> weights = new TreeMap<>();
        for (String id : menu.objectives()) {
            Object w = ((Map<String, Object>) winner.get("weights")).get(id);
            weights.put(id, w == null ? 0.0 : ((Number) w).doubleValue());
        }
        Map<String, Object> ruleSettings = new TreeMap<>(schulze.settings());
        ruleSettings.put("proposals", proposals);
        ruleSettings.put("winner", r.winner());
        return new TallyRecord(schulze.id(), schulze.version(), ruleSettings, menu.objectives(), r.ballotCount(), r.ballotsDigest(), weights);
    }

    @SuppressWarnings("unchecked")
    private static TallyRecord comparison(Map<String, Object> settings, Map<String, Map<String, Object>> ballots, VotingRights rights,
                                          ObjectiveMenu menu, String rule) {
        Map<String, Slate> slates = new LinkedHashMap<>();
        for (Object o : (List<?>) settings.get("slates")) {
            Map<String, Object> s = (Map<String, Object>) o;
            slates.put((String) s.get("id"), new Slate((String) s.get("id"), doubles(s.get("produced_under")), doubles(s.get("metrics"))));
        }
        BradleyTerryFit fit = BradleyTerryFit.withScalesFrom(slates.values(), menu, BradleyTerryFit.DEFAULT_REGULARISATION);
        List<WeightBallot> fitted = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> b : ballots.entrySet()) {
            List<SlateComparison> comparisons = new ArrayList<>();
            for (Object o : (List<?>) b.getValue().get("comparisons")) {
                Map<String, Object> c = (Map<String, Object>) o;
                comparisons.add(new SlateComparison(slates.get((String) c.get("a")), slates.get((String) c.get("b")), ((Number) c.get("preference")).intValue()));
            }
            fitted.add(fit.fit(new ComparisonBallot(b.getKey(), comparisons), menu).toBallot());
        }
        return Tally.run(fitted, menu, WeightRule.byId(rule), rights);
    }

    private static TreeMap<String, Double> doubles(Object value) {
        TreeMap<String, Double> out = new TreeMap<>();
        if (value instanceof Map<?, ?> m) m.forEach((k, v) -> out.put((String) k, ((Number) v).doubleValue()));
        return out;
    }
}

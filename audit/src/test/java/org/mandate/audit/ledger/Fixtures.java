package org.mandate.audit.ledger;

import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.tally.TallyRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared test values: a small panel's ballots, tally, mandate, runs and evaluations. */
public final class Fixtures {

    private Fixtures() {}

    public static TreeMap<String, Double> weights(double relevance, double novelty, double fairness) {
        TreeMap<String, Double> w = new TreeMap<>();
        w.put("relevance", relevance);
        w.put("novelty", novelty);
        w.put("provider_fairness", fairness);
        return w;
    }

    public static TallyRecord tally() {
        return new TallyRecord("mean", 1, Map.of("trim", 0.1), List.of("relevance", "novelty", "provider_fairness"),
                3, "ab".repeat(32), weights(0.5, 0.3, 0.2));
    }

    public static Mandate mandate() {
        return Mandate.fromTally(tally(), List.of(new Bound("provider_fairness", Bound.Kind.CEILING, 0.25)),
                new DataUseRules(List.of("age", "gender"), 365), null, "panel 7, mean, 3 ballots");
    }

    public static TreeMap<String, MetricValue> metrics(double ndcg, double novelty, double distance) {
        TreeMap<String, MetricValue> m = new TreeMap<>();
        m.put("relevance", new MetricValue("relevance", "ndcg@10", ndcg, new TreeMap<>(Map.of("recall@10", ndcg * 1.5))));
        m.put("novelty", new MetricValue("novelty", "self_information@10", novelty, new TreeMap<>()));
        m.put("provider_fairness", new MetricValue("provider_fairness", "exposure_distance@10", distance,
                new TreeMap<>(Map.of("independent", 0.1, "in_house", 0.9))));
        return m;
    }

    public static Map<String, Object> manifest(long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data_hash", "cd".repeat(32));
        m.put("code_version", "0.1.0-SNAPSHOT+3ac74b3");
        m.put("seed", seed);
        m.put("hyperparameters", Map.of("epochs", 20L, "learning_rate", 0.001, "hidden", List.of(256L, 64L)));
        m.put("payoff_table", Map.of("relevance", Map.of("relevance", 0.31, "novelty", 7.2),
                "novelty", Map.of("relevance", 0.12, "novelty", 11.5)));
        m.put("data_fields_read", List.of("user_id", "item_id", "timestamp"));
        // As training's Baselines writes them: the chart and EASE on the same held-out users.
        m.put("baselines", Map.of("most_popular", evaluation(metrics(0.27, 6.1, 0.55)),
                "ease", Map.of("lambda", 200.0, "evaluation", evaluation(metrics(0.34, 6.8, 0.47)))));
        return m;
    }

    private static Map<String, Object> evaluation(Map<String, MetricValue> metrics) {
        Map<String, Object> json = new LinkedHashMap<>();
        metrics.forEach((id, v) -> json.put(id, v.toJsonValue()));
        return Map.of("k", 10L, "users", 150L, "metrics", json);
    }

    public static PanelConfigured configuration() {
        return new PanelConfigured(7, "Panel 7 <Lyon & Région>", List.of("relevance", "novelty", "provider_fairness"), List.of("weights"), "mean", 1,
                Map.of("trim", 0.1), true, List.of("learn", "deliberate", "vote", "closed"),
                new MemberSelection("stratified_sortition", "adult residents of the Lyon area", List.of("region", "age band"), "400 invited, 4 seated"),
                "2026-11-19T09:00:00Z");
    }

    public static List<BallotCast> ballots() {
        return List.of(
                new BallotCast(7, "v-1a2b", 1, weights(0.6, 0.2, 0.2), "2026-11-20T10:00:00Z"),
                new BallotCast(7, "v-3c4d", 1, weights(0.4, 0.4, 0.2), "2026-11-20T10:05:00Z"),
                new BallotCast(7, "v-1a2b", 2, weights(0.5, 0.3, 0.2), "2026-11-20T11:00:00Z"),
                new BallotCast(7, "v-5e6f", 1, weights(0.5, 0.3, 0.2), "2026-11-20T11:30:00Z"));
    }

    /** The latest version of each voter's ballot: what the tally counted. */
    public static CountedBallots counted() {
        List<BallotCast> b = ballots();
        return CountedBallots.of(List.of(b.get(1), b.get(2), b.get(3)));
    }

    public static List<PhaseChanged> phases() {
        return List.of(new PhaseChanged(7, "learn", "deliberate", "2026-11-19T18:00:00Z"),
                new PhaseChanged(7, "deliberate", "vote", "2026-11-20T09:30:00Z"),
                new PhaseChanged(7, "vote", "closed", "2026-11-20T12:00:00Z"));
    }

    /** Panel 7's vote settings: weights decide, floors bound, two data-use rules are put to approval. */
    public static VoteSettingsFixed voteSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kinds", List.of("weights", "floors", "approval"));
        settings.put("items", List.of(Map.of("id", "no_age", "label", "Do not use age", "forbid_attribute", "age"),
                Map.of("id", "no_gender", "label", "Do not use gender", "forbid_attribute", "gender")));
        settings.put("quorum", 0.5);
        settings.put("majority", 0.5);
        return new VoteSettingsFixed(7, settings);
    }

    public static SweepPublished sweep() {
        return new SweepPublished(7, "5a".repeat(32), "mandate-sweep/1", List.of("relevance", "novelty", "provider_fairness"), 0.25, 15, "v-org1");
    }

    /** Floor and approval ballots of panel 7, and a ranking and a comparison ballot of panel 9 (a panel this record does not configure). */
    public static List<KindBallotCast> kindBallots() {
        return List.of(
                new KindBallotCast(7, "v-1a2b", 1, "floors", Map.of("provider_fairness", 0.25), "2026-11-20T10:01:00Z"),
                new KindBallotCast(7, "v-3c4d", 1, "floors", Map.of("provider_fairness", 0.2, "novelty", 0.1), "2026-11-20T10:06:00Z"),
                new KindBallotCast(7, "v-1a2b", 1, "approval", Map.of("no_age", true, "no_gender", true), "2026-11-20T10:02:00Z"),
                new KindBallotCast(7, "v-3c4d", 1, "approval", Map.of("no_age", true, "no_gender", false), "2026-11-20T10:07:00Z"),
                new KindBallotCast(7, "v-5e6f", 1, "approval", Map.of("no_age", false, "no_gender", true), "2026-11-20T11:31:00Z"),
                new KindBallotCast(9, "v-9z", 1, "ranking", List.of(List.of("p_b"), List.of("p_a", "status_quo")), "2026-11-20T10:00:00Z"),
                new KindBallotCast(9, "v-9z", 1, "comparison", List.of(Map.of("a", "s1", "b", "s2", "preference", 3)), "2026-11-20T10:00:30Z"));
    }

    /** What panel 7's tally wrote beside its record: delegations, the ceiling the floor ballots set, the approval counts. */
    public static TallyDetails tallyDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delegation_rule", Map.of("id", "liquid", "version", 1, "settings", Map.of()));
        details.put("delegations_in_force", List.of(Map.of("delegator", "v-7g8h", "delegate", "v-3c4d")));
        details.put("delegation", Map.of("floors", Map.of("votes", Map.of("v-1a2b", 1, "v-3c4d", 2))));
        details.put("floors", Map.of("rule", "majority_median_floor", "rule_version", 1, "ballot_count", 3, "ballots_digest", "cd".repeat(32),
                "bounds", List.of(Map.of("objective", "provider_fairness", "kind", "ceiling", "value", 0.25))));
        details.put("approval", Map.of("rule", "approval", "electorate", 4, "ballot_count", 3, "items", List.of(
                Map.of("item", "no_age", "yes", 2.0, "no", 1.0, "abstained", 1.0, "quorum_met", true, "passed", true),
                Map.of("item", "no_gender", "yes", 2.0, "no", 1.0, "abstained", 1.0, "quorum_met", true, "passed", true))));
        return new TallyDetails(7, details);
    }

    /** Every event kind, in the order a decision produces them. */
    public static List<LedgerEvent> events() {
        Mandate mandate = mandate();
        List<BallotCast> b = ballots();
        List<PhaseChanged> p = phases();
        return List.of(
                configuration(),
                p.get(0),
                new StatementModerated(7, 3, "9f".repeat(32), StatementModerated.Action.HIDE, "personal attack (rule 2)", "organiser",
                        "2026-11-19T20:00:00Z"),
                p.get(1),
                b.get(0), b.get(1), b.get(2), b.get(3),
                new DelegationChanged(7, "v-7g8h", "v-3c4d", "2026-11-20T11:40:00Z"),
                p.get(2),
                new TallyComputed(7, tally(), counted().root()),
                new MandatePublished(7, mandate),
                new TrainingRunRecorded("baseline (relevance only)", Mandate.relevanceOnly().sha256(), manifest(42)),
                new EvaluationRecorded("baseline (relevance only)", Mandate.relevanceOnly().sha256(), metrics(0.31, 7.2, 0.40)),
                new TrainingRunRecorded("voted mandate", mandate.sha256(), manifest(42)),
                new EvaluationRecorded("voted mandate", mandate.sha256(), metrics(0.29, 8.9, 0.22)),
                new ReportPublished("ef".repeat(32)));
    }

    /**
     * {@link #events()} with every ballot kind, the vote settings, a sweep upload and the tally's details
     * in their places: panel 7 then also votes floors and data-use rules (every kind of the sealed family).
     */
    public static List<LedgerEvent> everyKind() {
        List<LedgerEvent> out = new java.util.ArrayList<>();
        List<KindBallotCast> k = kindBallots();
        for (LedgerEvent e : events()) {
            if (e instanceof TallyComputed) out.add(tallyDetails());
            out.add(e);
            if (e instanceof PanelConfigured) {
                out.add(voteSettings());
                out.add(sweep());
            }
            if (e instanceof BallotCast b && b.voter().equals("v-5e6f")) out.addAll(k);
        }
        return List.copyOf(out);
    }

    public static Ledger ledger() {
        Ledger ledger = new Ledger();
        for (LedgerEvent e : events()) ledger.append(e);
        return ledger;
    }
}

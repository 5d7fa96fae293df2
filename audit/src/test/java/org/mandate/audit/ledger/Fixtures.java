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
        return m;
    }

    /** Every event kind, in the order a decision produces them. */
    public static List<LedgerEvent> events() {
        Mandate mandate = mandate();
        return List.of(
                new BallotCast(7, "v-1a2b", 1, weights(0.6, 0.2, 0.2), "2026-11-20T10:00:00Z"),
                new BallotCast(7, "v-3c4d", 1, weights(0.4, 0.4, 0.2), "2026-11-20T10:05:00Z"),
                new BallotCast(7, "v-1a2b", 2, weights(0.5, 0.3, 0.2), "2026-11-20T11:00:00Z"),
                new BallotCast(7, "v-5e6f", 1, weights(0.5, 0.3, 0.2), "2026-11-20T11:30:00Z"),
                new TallyComputed(7, tally()),
                new MandatePublished(7, mandate),
                new TrainingRunRecorded("baseline (relevance only)", Mandate.relevanceOnly().sha256(), manifest(42)),
                new EvaluationRecorded("baseline (relevance only)", Mandate.relevanceOnly().sha256(), metrics(0.31, 7.2, 0.40)),
                new TrainingRunRecorded("voted mandate", mandate.sha256(), manifest(42)),
                new EvaluationRecorded("voted mandate", mandate.sha256(), metrics(0.29, 8.9, 0.22)),
                new ReportPublished("ef".repeat(32)));
    }

    public static Ledger ledger() {
        Ledger ledger = new Ledger();
        ledger.append("panel", "{\"name\":\"Panel 7\"}");
        for (LedgerEvent e : events()) ledger.append(e);
        return ledger;
    }
}

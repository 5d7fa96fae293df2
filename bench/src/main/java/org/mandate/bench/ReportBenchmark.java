package org.mandate.bench;

import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.report.LedgerSummary;
import org.mandate.audit.report.PanelSummary;
import org.mandate.audit.report.ReportInput;
import org.mandate.audit.report.ReportWriter;
import org.mandate.audit.report.RunSummary;
import org.mandate.audit.report.WrittenReport;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;
import org.openjdk.jmh.annotations.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Target: report generation for a panel of 10,000 ballots in ≤ 5 s. Timed: what the app does from its ledger
 * entries to the written report — the typed reading ({@link LedgerView#of}), the chain verification for the
 * report's ledger summary, and {@link ReportWriter#write} (JSON, HTML, SVG charts) into a directory.
 * Untimed (setup): the ledger of 10,000 ballot entries, the tally, the mandate and two run summaries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ReportBenchmark {

    @Param({"10000"})
    int ballots;

    List<LedgerEntry> entries;
    Mandate mandate;
    List<RunSummary> runs;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BenchLedgers.Panel panel = BenchLedgers.panel(ballots, 7);
        entries = panel.ledger().entries();
        mandate = panel.mandate();
        Mandate baseline = Mandate.relevanceOnly();
        runs = List.of(new RunSummary("baseline (relevance only)", baseline.sha256(), baseline.weights(), metrics(0.31, 7.2, 0.40), manifest(42)),
                new RunSummary("voted mandate", mandate.sha256(), mandate.weights(), metrics(0.29, 8.9, 0.22), manifest(42)));
        dir = Files.createTempDirectory("mandate-report-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public WrittenReport write() {
        LedgerView view = LedgerView.of(entries);
        LedgerSummary ledger = LedgerSummary.of(HashChain.verify(entries), entries.size());
        var tally = view.lastTally(BenchLedgers.PANEL).orElseThrow().event().tally();
        var published = view.lastMandate(BenchLedgers.PANEL).orElseThrow().event().mandate();
        int recorded = view.all(BallotCast.class).size();
        PanelSummary summary = new PanelSummary("Benchmark panel", (int) view.voters(BenchLedgers.PANEL), recorded,
                tally.rule(), "Fixed before voting opened.");
        ReportInput input = new ReportInput("How the recommender was told what to optimise", BenchLedgers.START.plusSeconds(86_400),
                summary, tally, published, runs, ledger);
        return ReportWriter.write(input, dir);
    }

    private static TreeMap<String, MetricValue> metrics(double ndcg, double novelty, double distance) {
        TreeMap<String, MetricValue> m = new TreeMap<>();
        m.put("relevance", new MetricValue("relevance", "ndcg@10", ndcg, new TreeMap<>(Map.of("recall@10", ndcg * 1.5))));
        m.put("novelty", new MetricValue("novelty", "self_information@10", novelty, new TreeMap<>()));
        m.put("provider_fairness", new MetricValue("provider_fairness", "exposure_distance@10", distance,
                new TreeMap<>(Map.of("independent", 0.1, "in_house", 0.9))));
        return m;
    }

    private static Map<String, Object> manifest(long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data_hash", "cd".repeat(32));
        m.put("code_version", "0.1.0-SNAPSHOT");
        m.put("seed", seed);
        m.put("hyperparameters", Map.of("epochs", 20L, "learning_rate", 0.001, "hidden", List.of(256L, 64L)));
        m.put("data_fields_read", List.of("user_id", "item_id", "timestamp"));
        return m;
    }
}

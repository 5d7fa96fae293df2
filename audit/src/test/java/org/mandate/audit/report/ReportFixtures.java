package org.mandate.audit.report;

import org.mandate.audit.checkpoint.Checkpoint;
import org.mandate.audit.checkpoint.CheckpointSigner;
import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.BootstrapInterval;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class ReportFixtures {

    /** One key per test run: Ed25519 signatures are deterministic, so pages written in one run compare equal. */
    static final KeyPair LOG = KeyFiles.generate(), REGULATOR = KeyFiles.generate();

    private ReportFixtures() {}

    /** The core facts only (the seven-field report). */
    static ReportInput input(String title) {
        Mandate voted = Fixtures.mandate();
        Mandate baseline = Mandate.relevanceOnly();
        Ledger ledger = Fixtures.ledger();
        return new ReportInput(title, Instant.parse("2026-11-23T09:00:00Z"),
                new PanelSummary("Panel 7 <Lyon & Région>", 4, 4, "mean", "Easy to explain; every ballot counts equally."),
                Fixtures.tally(), voted,
                List.of(new RunSummary("baseline (relevance only)", baseline.sha256(), baseline.weights(),
                                Fixtures.metrics(0.31, 7.2, 0.40), Fixtures.manifest(42)),
                        new RunSummary("voted mandate", voted.sha256(), voted.weights(),
                                Fixtures.metrics(0.29, 8.9, 0.22), Fixtures.manifest(42))),
                LedgerSummary.of(ledger.verify(), ledger.size()));
    }

    static BootstrapInterval intervals() {
        return new BootstrapInterval(1000, 42, 0.95, new TreeMap<>(Map.of("relevance", 0.41, "novelty", 0.22, "provider_fairness", 0.14)),
                new TreeMap<>(Map.of("relevance", 0.58, "novelty", 0.37, "provider_fairness", 0.27)));
    }

    static List<BridgingStatement> bridging() {
        return List.of(
                new BridgingStatement(12, "Local news should reach people outside the big cities <too>.", 0.61,
                        List.of(new BridgingStatement.GroupVotes("group A", 2, 2, 0, 0), new BridgingStatement.GroupVotes("group B", 2, 1, 0, 1))),
                new BridgingStatement(15, "Fewer repeats of the same series in my list.", 0.33,
                        List.of(new BridgingStatement.GroupVotes("group A", 2, 1, 1, 0), new BridgingStatement.GroupVotes("group B", 2, 0, 0, 0))));
    }

    /** Half declared: the labour conditions and the consent are left out, so the page must say so. */
    static Datasheet datasheet() {
        return new Datasheet("Viewing histories of 5,000 users of the regional broadcaster, 2025", false,
                "Logged by the broadcaster's streaming service", "January–December 2025", null,
                "Genre tags by the broadcaster's archivists", null, "The data team removed test accounts", null, null);
    }

    static SignedCheckpoint checkpoint(List<LedgerEntry> entries) {
        SignedCheckpoint cp = CheckpointSigner.sign(Checkpoint.of("mandate.example/panel-7", entries, Instant.parse("2026-11-20T12:05:00Z")), "log", LOG);
        return CheckpointSigner.cosign(cp, "regulator", REGULATOR);
    }

    /** Every section filled: configuration, phases, a sweep upload, intervals, rule votes, bridging statements, datasheet, checkpoint. */
    static ReportInput full(String title) {
        ReportInput core = input(title);
        List<LedgerEntry> entries = Fixtures.ledger().entries();
        // The checkpoint was signed after the tally (entry 10); the report covers the whole ledger since.
        SignedCheckpoint cp = checkpoint(entries.subList(0, 11));
        return new ReportInput(core.title(), core.generatedAt(), core.panel(), core.tally(), core.mandate(), core.runs(), core.ledger(),
                Fixtures.configuration(), Fixtures.phases(), intervals(),
                Map.of("ceiling.provider_fairness", new RuleVote(3, 4), "data_use.forbid.age", new RuleVote(4, 4)),
                bridging(), datasheet(), "Choose “Not personalised” in the settings: everyone gets the same list, ranked by the voted weights without your history.",
                List.of(), VerificationSummary.of(entries, cp, 7L, "./mandate verify --bundle bundle --receipt <your receipt>"),
                List.of(new ReportInput.Sweep(2, Fixtures.sweep())));
    }
}

package org.mandate.audit.report;

import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.Ledger;
import org.mandate.objectives.mandate.Mandate;

import java.time.Instant;
import java.util.List;

final class ReportFixtures {

    private ReportFixtures() {}

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
}

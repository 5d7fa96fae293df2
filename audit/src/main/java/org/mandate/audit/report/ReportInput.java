package org.mandate.audit.report;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.TallyRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a transparency report states. The first run is the reference (normally the relevance-only
 * baseline); every later run is compared with it.
 *
 * @param tally the tally that produced {@code mandate}, or null for a mandate written by hand
 */
public record ReportInput(String title, Instant generatedAt, PanelSummary panel, TallyRecord tally,
                          Mandate mandate, List<RunSummary> runs, LedgerSummary ledger) {

    public ReportInput {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(ledger, "ledger");
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
    }

    public Optional<RunSummary> baseline() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getFirst());
    }

    /** Each later run against the first, objective by objective (empty with fewer than two runs). */
    public List<Comparison> comparisons() {
        if (runs.size() < 2) return List.of();
        return runs.subList(1, runs.size()).stream().map(r -> Comparison.of(runs.getFirst(), r, mandate)).toList();
    }

    /** Ballots counted by the tally (one per voter) over panel members; the ballots figure when there is no tally. */
    public double turnout() {
        if (panel.members() == 0) return 0;
        int voted = tally != null ? tally.ballotCount() : panel.ballots();
        return Math.min(1.0, (double) voted / panel.members());
    }

    /** True when the mandate names this tally as its origin. */
    public boolean tallyMatchesMandate() {
        return tally != null && mandate.provenance() != null && tally.sha256().equals(mandate.provenance().tallyHash());
    }
}

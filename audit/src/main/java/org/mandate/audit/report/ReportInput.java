package org.mandate.audit.report;

import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.SweepPublished;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.BootstrapInterval;
import org.mandate.objectives.tally.TallyRecord;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a transparency report states. The first run is the reference (normally the relevance-only
 * baseline); every later run is compared with it. The facts from the record (configuration, phases, tally)
 * come from ledger entries; the datasheet and the non-profiling option are declared by the publisher, and
 * what is not declared is shown as such.
 *
 * @param tally              the tally that produced {@code mandate}, or null for a mandate written by hand
 * @param configuration      the panel's {@code panel} ledger entry, or null when the record has none
 * @param phases             the panel's phase changes, in the order they happened
 * @param weightIntervals    bootstrap confidence intervals of the voted weights, or null when not computed
 * @param ruleVotes          the panel's vote on each rule of the mandate, by {@link ApprovedRule#id()}, where known
 * @param bridging           statements with the broadest cross-group support, best first (empty when there was no deliberation)
 * @param datasheet          the training data's datasheet ({@link Datasheet#UNDECLARED} when the publisher declared nothing)
 * @param nonProfilingOption how a user gets recommendations not based on profiling (DSA art. 38), or null when not declared
 * @param boundResults       each floor and ceiling of the mandate, met or missed by the model trained under it
 * @param verification       checkpoint and Merkle status, or null when the report was written without them
 * @param sweeps             the trade-off sweeps uploaded for the panel, in record order, with their entries' seq (empty for none)
 */
public record ReportInput(String title, Instant generatedAt, PanelSummary panel, TallyRecord tally,
                          Mandate mandate, List<RunSummary> runs, LedgerSummary ledger,
                          PanelConfigured configuration, List<PhaseChanged> phases, BootstrapInterval weightIntervals,
                          Map<String, RuleVote> ruleVotes, List<BridgingStatement> bridging, Datasheet datasheet,
                          String nonProfilingOption, List<BoundResult> boundResults, VerificationSummary verification,
                          List<Sweep> sweeps) {

    /** A sweep upload as the timeline shows it: the ledger entry that recorded it and what it recorded. */
    public record Sweep(long seq, SweepPublished event) {}

    public ReportInput {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(ledger, "ledger");
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        phases = phases == null ? List.of() : phases.stream().sorted(Comparator.comparing(PhaseChanged::instant)).toList();
        ruleVotes = ruleVotes == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(ruleVotes));
        bridging = bridging == null ? List.of() : List.copyOf(bridging);
        datasheet = datasheet == null ? Datasheet.UNDECLARED : datasheet;
        boundResults = boundResults == null ? List.of() : List.copyOf(boundResults);
        sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
        if (configuration != null && !configuration.name().equals(panel.name())) {
            throw new IllegalArgumentException("the configuration is of panel '" + configuration.name() + "', the report of '" + panel.name() + "'");
        }
    }

    /** A report without sweep uploads. */
    public ReportInput(String title, Instant generatedAt, PanelSummary panel, TallyRecord tally, Mandate mandate, List<RunSummary> runs,
                       LedgerSummary ledger, PanelConfigured configuration, List<PhaseChanged> phases, BootstrapInterval weightIntervals,
                       Map<String, RuleVote> ruleVotes, List<BridgingStatement> bridging, Datasheet datasheet, String nonProfilingOption,
                       List<BoundResult> boundResults, VerificationSummary verification) {
        this(title, generatedAt, panel, tally, mandate, runs, ledger, configuration, phases, weightIntervals, ruleVotes, bridging, datasheet,
                nonProfilingOption, boundResults, verification, List.of());
    }

    /** The report of the record's core facts only: nothing declared, no deliberation, no checkpoint. */
    public ReportInput(String title, Instant generatedAt, PanelSummary panel, TallyRecord tally, Mandate mandate,
                       List<RunSummary> runs, LedgerSummary ledger) {
        this(title, generatedAt, panel, tally, mandate, runs, ledger, null, List.of(), null, Map.of(), List.of(),
                Datasheet.UNDECLARED, null, List.of(), null, List.of());
    }

    public Optional<RunSummary> baseline() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getFirst());
    }

    /** Each later run against the first, objective by objective (empty with fewer than two runs). */
    public List<Comparison> comparisons() {
        if (runs.size() < 2) return List.of();
        return runs.subList(1, runs.size()).stream().map(r -> Comparison.of(runs.getFirst(), r, mandate)).toList();
    }

    /** The trained models beside the most-popular chart and EASE, when the runs' manifests record them. */
    public Optional<PractitionerBaselines> practitionerBaselines() {
        return PractitionerBaselines.of(runs);
    }

    /**
     * Members who cast a ballot of any kind over panel members, when the summary knows them; otherwise
     * ballots counted by the tally, or the ballots figure when there is no tally.
     */
    public double turnout() {
        if (panel.members() == 0) return 0;
        int voted = panel.voters() >= 0 ? panel.voters() : tally != null ? tally.ballotCount() : panel.ballots();
        return Math.min(1.0, (double) voted / panel.members());
    }

    /** True when the mandate names this tally as its origin. */
    public boolean tallyMatchesMandate() {
        return tally != null && mandate.provenance() != null && tally.sha256().equals(mandate.provenance().tallyHash());
    }

    /** The mandate's rules beyond its weights, each with its vote where known. */
    public List<ApprovedRule> rules() {
        return ApprovedRule.of(mandate, ruleVotes);
    }

    /**
     * The bound results to show: those given, or, when none were given, every bound of the mandate checked
     * against the last run trained under it (empty when no run was).
     */
    public List<BoundResult> bounds() {
        if (!boundResults.isEmpty() || mandate.bounds().isEmpty()) return boundResults;
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).mandateHash().equals(mandate.sha256())) return BoundResult.of(mandate, runs.get(i));
        }
        return List.of();
    }
}

package org.mandate.app;

import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.audit.report.LedgerSummary;
import org.mandate.audit.report.PanelSummary;
import org.mandate.audit.report.ReportInput;
import org.mandate.audit.report.ReportWriter;
import org.mandate.audit.report.RunSummary;
import org.mandate.audit.report.WrittenReport;
import org.mandate.audit.verify.BundleLayout;
import org.mandate.audit.verify.VerifyOptions;
import org.mandate.audit.verify.Check;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.audit.verify.Verdict;
import org.mandate.deliberation.db.Database;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.TallyOutcome;
import org.mandate.deliberation.service.TallyService;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.tally.MeanRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.TrainerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One democratic decision end to end, through the same code paths a real panel uses: data, a panel
 * voting through the ballot service, the tally, two DL4J trainings, the ledger, the report and an
 * offline verification of the exported bundle.
 */
public final class DemoPipeline {

    static final List<String> MENU = List.of(Relevance.ID, Novelty.ID, ProviderFairness.ID);
    static final String BASELINE = "baseline (relevance only)";
    static final String VOTED = "voted mandate";
    static final String BASELINE_DIR = "baseline";
    static final String VOTED_DIR = "voted";
    /** The log's name in its checkpoints. */
    static final String ORIGIN = "mandate.demo/ledger";

    private final Database db;
    private final DemoConfig config;
    private final Console console;

    public DemoPipeline(Database db, DemoConfig config, PrintStream out) {
        this.db = db;
        this.config = config;
        this.console = new Console(out, 8);
    }

    /** What the demo produced, for the caller (and the integration test) to inspect. */
    public record Result(TallyOutcome tally, TallyRecord meanTally, TrainingResult baseline, TrainingResult voted,
                         WrittenReport report, Path bundle, Verdict verdict) {}

    public Result run() {
        Jdbi jdbi = db.jdbi();
        LedgerStore ledger = new LedgerStore(jdbi);

        console.step("Database");
        console.detail("%s (schema migrations applied)", db.description());

        console.step("Synthetic public-broadcaster catalogue and audience");
        InteractionData data = SyntheticBroadcaster.generate(
                SyntheticBroadcaster.Config.defaults(config.seed()).withSize(config.items(), config.users()));
        HoldoutSplit split = HoldoutSplit.standard(data, config.seed());
        console.detail("%s", data);
        console.detail("%d training users, %d held-out users (80/20 fold-in of their histories), seed %d",
                split.trainingUsers().length, split.heldOutUsers().length, config.seed());

        console.step("Panel votes (" + config.members() + " members, rule '" + config.rule() + "' fixed before voting)");
        PanelVote vote = castBallots(jdbi);

        console.step("Tally");
        TallyOutcome outcome = new TallyService(jdbi).tally(vote.panelId(), vote.organiserToken());
        Witnesses witnesses = Witnesses.load(config.out().resolve("keys"), ORIGIN);
        SignedCheckpoint afterVote = witnesses.sign(ledger.entries());
        TallyRecord mean = Tally.run(vote.ballots(), new ObjectiveMenu(MENU), new MeanRule());
        console.detail("%-22s %s", config.rule() + ":", weights(outcome.tally().weights()));
        console.detail("%-22s %s   (shown for comparison only)", "mean would give:", weights(mean.weights()));
        console.detail("mandate %s (ledger entry %d)", outcome.mandate().sha256(), outcome.mandateEntry().seq());
        console.detail("log checkpoint signed at %d entries, root %s", afterVote.checkpoint().size(), afterVote.checkpoint().rootHash());

        TrainerConfig trainer = trainerConfig();
        console.step("Training the baseline (relevance only) with DL4J");
        TrainingResult baseline = train(data, split, Mandate.relevanceOnly(), trainer, ledger, BASELINE);
        console.step("Training under the voted mandate with DL4J");
        TrainingResult voted = train(data, split, outcome.mandate(), trainer, ledger, VOTED);

        console.step("Evaluation on " + split.heldOutUsers().length + " held-out users");
        printComparison(baseline, voted);

        console.step("Ledger, report and offline verification");
        WrittenReport report = writeReport(outcome, vote, baseline, voted, ledger);
        List<LedgerEntry> entries = ledger.entries();
        SignedCheckpoint head = witnesses.signAndWitness(entries, afterVote);
        console.detail("head checkpoint at %d entries signed by the log and co-signed by the regulator after a consistency proof from %d",
                head.checkpoint().size(), afterVote.checkpoint().size());
        EvaluationDataFile evaluationData = new EvaluationDataFile(split.trainingData(data).features(), trainer.k(), split);
        Path bundle = exportBundle(entries, report, witnesses, afterVote, head, evaluationData);
        Verdict verdict = BundleCheck.run(bundle, vote.sampleReceipt(), VerifyOptions.NONE);
        for (Check check : verdict.checks()) console.detail("%s", check.line());
        console.detail("ledger: %d entries; bundle exported to %s", entries.size(), bundle);
        console.detail("report: %s", report.indexHtml().toAbsolutePath());
        console.detail("        %s", report.reportJson().toAbsolutePath());
        console.detail("check it yourself: ./mandate verify --bundle %s --receipt %s", bundle, vote.sampleReceipt());
        return new Result(outcome, mean, baseline, voted, report, bundle, verdict);
    }

    /**
     * The published bundle: ledger, report, both checkpoints, the signers' public keys, the two model
     * artifacts and the evaluation data to re-run them on — everything an auditor needs and no private key. Rebuilt from scratch each run, since a
     * checkpoint left from another database would (rightly) fail verification.
     */
    private Path exportBundle(List<LedgerEntry> entries, WrittenReport report, Witnesses witnesses,
                              SignedCheckpoint afterVote, SignedCheckpoint head, EvaluationDataFile evaluationData) {
        Path bundle = config.bundleDir();
        deleteRecursively(bundle);
        LedgerFile.write(entries, bundle.resolve(BundleLayout.LEDGER));
        copy(report.reportJson(), bundle.resolve(BundleLayout.REPORT));
        BundleLayout.writeCheckpoint(bundle, afterVote);
        BundleLayout.writeCheckpoint(bundle, head);
        BundleLayout.writeKey(bundle, Witnesses.LOG, witnesses.log().getPublic());
        BundleLayout.writeKey(bundle, Witnesses.REGULATOR, witnesses.regulator().getPublic());
        BundleLayout.copyRun(config.runsDir().resolve(BASELINE_DIR), bundle, BASELINE_DIR);
        BundleLayout.copyRun(config.runsDir().resolve(VOTED_DIR), bundle, VOTED_DIR);
        evaluationData.write(bundle.resolve(EvaluationDataFile.NAME));
        return bundle;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** A panel whose members joined with invitation tokens and voted through the ballot service. */
    record PanelVote(long panelId, String organiserToken, String name, int members, List<WeightBallot> ballots, String sampleReceipt) {}

    private PanelVote castBallots(Jdbi jdbi) {
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        BallotService ballots = new BallotService(jdbi);
        String name = "Demo panel " + Instant.now().toString().substring(0, 19).replace('T', ' ');
        CreatedPanel created = panels.create(name, MENU, config.rule(), false);
        long id = created.panel().id();
        String organiser = created.organiserToken();
        List<String> invitations = members.invite(id, organiser, config.members());
        // The demo skips learning and deliberation: its members arrive with their minds made up.
        panels.moveTo(id, organiser, Phase.VOTE);

        SyntheticPanel panel = SyntheticPanel.generate(config.members(), config.seed());
        List<WeightBallot> cast = new ArrayList<>();
        String sampleReceipt = null;
        for (int i = 0; i < invitations.size(); i++) {
            Session session = members.join(invitations.get(i));
            Map<String, Integer> points = panel.members().get(i).points();
            String receipt = ballots.submit(id, session.token(), points).receipt();
            if (sampleReceipt == null) sampleReceipt = receipt;
            cast.add(WeightBallot.ofPoints(session.member().voterId(), points));
            if ((i + 1) % 50 == 0 || i + 1 == invitations.size()) {
                console.detail("%s %d/%d ballots, each appended to the ledger with a receipt", Console.bar(i + 1, invitations.size()), i + 1, invitations.size());
            }
        }
        Map<String, Long> groups = new TreeMap<>();
        panel.members().forEach(m -> groups.merge(m.group(), 1L, Long::sum));
        console.detail("opinion groups: %s", groups);
        console.detail("receipt of the first ballot: %s", sampleReceipt);
        return new PanelVote(id, organiser, name, config.members(), List.copyOf(cast), sampleReceipt);
    }

    private TrainerConfig trainerConfig() {
        TrainerConfig defaults = TrainerConfig.defaults(config.seed());
        if (config.epochs() == 0 && config.calibrationEpochs() == 0) return defaults;
        return defaults.withEpochs(config.epochs() == 0 ? defaults.epochs() : config.epochs(),
                config.calibrationEpochs() == 0 ? defaults.calibrationEpochs() : config.calibrationEpochs());
    }

    private TrainingResult train(InteractionData data, HoldoutSplit split, Mandate mandate, TrainerConfig trainer,
                                 LedgerStore ledger, String label) {
        console.detail("weights %s", weights(mandate.weights()));
        TrainingResult result = TrainingRun.execute(data, split, mandate, trainer, (phase, epoch, epochs, loss, seconds) ->
                console.detail("%-26s %s epoch %2d/%d  loss %8.4f  %.1f s", phase, Console.bar(epoch, epochs), epoch, epochs, loss, seconds));
        Path dir = ModelArtifact.write(result, config.runsDir().resolve(label.equals(BASELINE) ? BASELINE_DIR : VOTED_DIR));
        append(ledger, new TrainingRunRecorded(label, mandate.sha256(), manifest(result)));
        append(ledger, new EvaluationRecorded(label, mandate.sha256(), new TreeMap<>(result.evaluation().metrics())));
        console.detail("done in %.1f s; model and manifest in %s", result.seconds(), dir);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest(TrainingResult result) {
        return (Map<String, Object>) result.manifest().toJsonValue();
    }

    private static LedgerEntry append(LedgerStore ledger, LedgerEvent event) {
        return ledger.append(event.kind(), event.canonicalJson());
    }

    private void printComparison(TrainingResult baseline, TrainingResult voted) {
        console.detail("%-20s %-30s %10s %10s  %s", "objective", "metric", "baseline", "voted", "weight");
        for (var objective : Catalogue.all()) {
            MetricValue b = baseline.evaluation().metric(objective.id());
            MetricValue v = voted.evaluation().metric(objective.id());
            console.detail("%-20s %-30s %10.4f %10.4f  %3.0f %%   (%s is better)", objective.id(), b.metric(), b.value(), v.value(),
                    100 * voted.mandate().weight(objective.id()), objective.direction() == Direction.MAXIMISE ? "higher" : "lower");
        }
        MetricValue fairness = voted.evaluation().metric(ProviderFairness.ID);
        MetricValue before = baseline.evaluation().metric(ProviderFairness.ID);
        fairness.details().forEach((key, value) -> {
            if (key.startsWith("share.")) {
                console.detail("exposure of %-12s %5.1f %% -> %5.1f %%  (target %.1f %%)", key.substring(6) + ":", 100 * before.details().get(key),
                        100 * value, 100 * fairness.details().get("target." + key.substring(6)));
            }
        });
    }

    private WrittenReport writeReport(TallyOutcome outcome, PanelVote vote, TrainingResult baseline, TrainingResult voted, LedgerStore ledger) {
        List<RunSummary> runs = List.of(summary(BASELINE, baseline), summary(VOTED, voted));
        PanelSummary panel = new PanelSummary(vote.name(), vote.members(), outcome.tally().ballotCount(), config.rule(),
                "Fixed before voting opened. Independent markets (moving phantoms) is strategyproof: no member gets a result "
                        + "closer to their own ideal by exaggerating, unlike the mean, and it is proportional to the groups' sizes.");
        List<LedgerEntry> entries = ledger.entries();
        ReportInput input = new ReportInput("How the recommender was told what to optimise", Instant.now(), panel,
                outcome.tally(), outcome.mandate(), runs, LedgerSummary.of(org.mandate.audit.ledger.HashChain.verify(entries), entries.size()));
        WrittenReport report = ReportWriter.write(input, config.reportDir());
        append(ledger, report.ledgerEvent());
        return report;
    }

    private static RunSummary summary(String label, TrainingResult result) {
        return new RunSummary(label, result.mandate().sha256(), result.mandate().weights(), result.evaluation().metrics(), manifest(result));
    }

    private static String weights(Map<String, Double> weights) {
        StringBuilder s = new StringBuilder();
        weights.forEach((k, v) -> s.append(String.format(java.util.Locale.ROOT, "%s %.1f %%  ", k, 100 * v)));
        return s.toString().trim();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.mandate.app;

import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.audit.report.BoundResult;
import org.mandate.audit.report.BridgingStatement;
import org.mandate.audit.report.Datasheet;
import org.mandate.audit.report.LedgerSummary;
import org.mandate.audit.report.PanelSummary;
import org.mandate.audit.report.ReportInput;
import org.mandate.audit.report.ReportSections;
import org.mandate.audit.report.ReportWriter;
import org.mandate.audit.report.RuleVotes;
import org.mandate.audit.report.RunSummary;
import org.mandate.audit.report.StrataTable;
import org.mandate.audit.report.TradeOffCurve;
import org.mandate.audit.report.VerificationSummary;
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
import org.mandate.deliberation.opinion.OpinionGroup;
import org.mandate.deliberation.opinion.OpinionMap;
import org.mandate.deliberation.opinion.StatementStanding;
import org.mandate.deliberation.opinion.VoteMatrix;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.Stance;
import org.mandate.deliberation.service.Statement;
import org.mandate.deliberation.service.StatementService;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.StratifiedInvitation;
import org.mandate.deliberation.service.StratumMember;
import org.mandate.deliberation.service.StoredSweep;
import org.mandate.deliberation.service.SweepService;
import org.mandate.deliberation.service.TallyOutcome;
import org.mandate.deliberation.service.TallyService;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.tally.BootstrapInterval;
import org.mandate.objectives.tally.MeanRule;
import org.mandate.objectives.tally.Robustness;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.WeightRule;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.sweep.SweepFile;
import org.mandate.training.sweep.SweepResult;
import org.mandate.training.sweep.WeightSweep;
import org.mandate.training.train.TrainerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One democratic decision end to end, through the same code paths a real panel uses: data, a panel
 * deliberating, the baseline training and a coarse weight sweep uploaded before voting opens, voting through
 * the ballot service, the tally, the training under the voted mandate, the ledger, the report and an
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
    /** Resamples of the bootstrap intervals of the voted weights: about a second even for a large panel. */
    static final int BOOTSTRAP_RESAMPLES = 1000;
    /** How many statements the report lists under common ground. */
    static final int BRIDGING_SHOWN = 3;
    /** The chance a member votes on a given statement of someone else's: nobody reads everything. */
    static final double STATEMENT_VOTE_RATE = 0.8;
    /** The organiser's personalisation rule: each user may move the voted weights by 15 % at most, never lowering fair exposure. */
    static final double MAX_SHIFT = 0.15;
    static final List<String> LOCKED = List.of(ProviderFairness.ID);
    /** The sweep's lattice step: 0.5 over the three objectives is 6 points, coarse enough to train before voting opens. */
    static final double SWEEP_STEP = 0.5;
    /** Each sweep point trains for this fraction of the real runs' epochs (at least one): the panel needs the shape, not the last decimal. */
    static final int SWEEP_EPOCH_DIVISOR = 6;
    /** Held-out users whose top programmes every sweep point shows (as {@code mandate sweep}). */
    static final int SWEEP_EXAMPLE_USERS = 2;
    static final String SWEEP_FILE = "sweep.json";
    /** The trade-off the report draws: accuracy against fair exposure of providers, the demo panel's main tension. */
    static final String CURVE_X = Relevance.ID;
    static final String CURVE_Y = ProviderFairness.ID;

    private final Database db;
    private final DemoConfig config;
    private final Console console;

    public DemoPipeline(Database db, DemoConfig config, PrintStream out) {
        this.db = db;
        this.config = config;
        this.console = new Console(out, 10);
    }

    /** What the demo produced, for the caller (and the integration test) to inspect. */
    public record Result(TallyOutcome tally, TallyRecord meanTally, TrainingResult baseline, TrainingResult voted,
                         SweepFile sweep, WrittenReport report, Path bundle, Verdict verdict) {}

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

        console.step("Panel deliberates (" + config.members() + " members, rule '" + config.rule() + "' and personalisation fixed before voting)");
        OpenPanel open = openPanel(jdbi);

        TrainerConfig trainer = trainerConfig();
        console.step("Training the baseline (relevance only) with DL4J");
        TrainingResult baseline = train(data, split, Mandate.relevanceOnly(), trainer, ledger, BASELINE);
        console.step("Weight sweep: what each mix of the objectives would give, uploaded for the panel before voting opens");
        SweepFile sweep = sweep(data, split, trainer, open);

        console.step("Panel votes");
        PanelVote vote = castBallots(jdbi, open);

        console.step("Tally");
        TallyOutcome outcome = new TallyService(jdbi).tally(vote.panelId(), vote.organiserToken());
        Witnesses witnesses = Witnesses.load(config.out().resolve("keys"), ORIGIN);
        SignedCheckpoint afterVote = witnesses.sign(ledger.entries());
        TallyRecord mean = Tally.run(vote.ballots(), new ObjectiveMenu(MENU), new MeanRule());
        console.detail("%-22s %s", config.rule() + ":", weights(outcome.tally().weights()));
        console.detail("%-22s %s   (shown for comparison only)", "mean would give:", weights(mean.weights()));
        console.detail("mandate %s (ledger entry %d)", outcome.mandate().sha256(), outcome.mandateEntry().seq());
        console.detail("log checkpoint signed at %d entries, root %s", afterVote.checkpoint().size(), afterVote.checkpoint().rootHash());

        console.step("Training under the voted mandate with DL4J");
        TrainingResult voted = train(data, split, outcome.mandate(), trainer, ledger, VOTED);

        console.step("Evaluation on " + split.heldOutUsers().length + " held-out users");
        printComparison(baseline, voted);

        console.step("Ledger, report and offline verification");
        WrittenReport report = writeReport(outcome, vote, baseline, voted, sweep, ledger, afterVote);
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
        return new Result(outcome, mean, baseline, voted, sweep, report, bundle, verdict);
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

    /**
     * A panel whose members joined with invitation tokens, deliberated through the statement service and
     * voted through the ballot service; {@code bridging} is its common ground as the opinion map ranked it.
     */
    record PanelVote(long panelId, String organiserToken, String name, int members, List<WeightBallot> ballots, String sampleReceipt,
                     SyntheticPanel synthetic, List<BridgingStatement> bridging) {}

    /** A panel that has deliberated and whose ballot is fixed, waiting for voting to open. */
    record OpenPanel(long panelId, String organiserToken, String name, List<Session> sessions, SyntheticPanel synthetic,
                     List<BridgingStatement> bridging) {}

    /**
     * Creates the panel, fixes its vote settings with the personalisation rule (ledgered before anyone votes, and
     * written into the mandate by the tally), seats the members with their strata and lets them deliberate.
     */
    private OpenPanel openPanel(Jdbi jdbi) {
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        String name = "Demo panel " + Instant.now().toString().substring(0, 19).replace('T', ' ');
        MemberSelection selection = new MemberSelection("sortition", "a synthetic population generated by the demo: no real person", List.of(),
                "Seats filled by a seeded random draw; each synthetic member has a region and an age band, and some abstain.");
        CreatedPanel created = panels.create(name, MENU, config.rule(), false, selection);
        long id = created.panel().id();
        String organiser = created.organiserToken();
        new VoteSettingsService(jdbi).set(id, organiser, Map.of("kinds", List.of("weights"),
                "personalisation", Map.of("max_shift", MAX_SHIFT, "locked", LOCKED)));
        console.detail("vote settings fixed: weight ballots; each user may later move the voted weights by at most %.0f %%, never lowering %s",
                100 * MAX_SHIFT, String.join(", ", LOCKED));
        SyntheticPanel panel = SyntheticPanel.generate(config.members(), config.seed());
        // One invitation per member carrying their strata, as an organiser's strata file would: the report's
        // turnout tables are then read back from the stored member attributes.
        StringBuilder csv = new StringBuilder("region,age_band\n");
        for (SyntheticPanel.Member m : panel.members()) csv.append(m.region()).append(',').append(m.ageBand()).append('\n');
        List<StratifiedInvitation> invitations = new StrataService(jdbi).invite(id, organiser, csv.toString());
        List<Session> sessions = new ArrayList<>(invitations.size());
        for (StratifiedInvitation invitation : invitations) sessions.add(members.join(invitation.token()));
        // The demo skips the learn phase: its members arrive knowing the objectives.
        panels.moveTo(id, organiser, Phase.DELIBERATE);
        List<BridgingStatement> bridging = deliberate(jdbi, id, organiser, sessions, panel);
        return new OpenPanel(id, organiser, name, List.copyOf(sessions), panel, bridging);
    }

    /** Opens voting and casts the synthetic members' ballots through the ballot service. */
    private PanelVote castBallots(Jdbi jdbi, OpenPanel open) {
        BallotService ballots = new BallotService(jdbi);
        long id = open.panelId();
        List<Session> sessions = open.sessions();
        SyntheticPanel panel = open.synthetic();
        new PanelService(jdbi).moveTo(id, open.organiserToken(), Phase.VOTE);

        List<WeightBallot> cast = new ArrayList<>();
        String sampleReceipt = null;
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            SyntheticPanel.Member member = panel.members().get(i);
            if (member.votes()) {
                Map<String, Integer> points = member.points();
                String receipt = ballots.submit(id, session.token(), points).receipt();
                if (sampleReceipt == null) sampleReceipt = receipt;
                cast.add(WeightBallot.ofPoints(session.member().voterId(), points));
            }
            if ((i + 1) % 50 == 0 || i + 1 == sessions.size()) {
                console.detail("%s %d/%d members: %d ballots, each appended to the ledger with a receipt", Console.bar(i + 1, sessions.size()),
                        i + 1, sessions.size(), cast.size());
            }
        }
        Map<String, Long> groups = new TreeMap<>();
        panel.members().forEach(m -> groups.merge(m.group(), 1L, Long::sum));
        console.detail("opinion groups: %s; %d of %d members voted", groups, cast.size(), panel.members().size());
        console.detail("receipt of the first ballot: %s", sampleReceipt);
        return new PanelVote(id, open.organiserToken(), open.name(), config.members(), List.copyOf(cast), sampleReceipt, panel, open.bridging());
    }

    /**
     * Trains the coarse lattice over the panel's menu ({@link WeightSweep}, reduced epochs), writes it as
     * {@code mandate-sweep/1} and uploads it through the sweep service as an organiser would before voting opens:
     * members explore these trade-offs, the ledger's {@code sweep} entry names the file's hash, and the report draws them.
     */
    private SweepFile sweep(InteractionData data, HoldoutSplit split, TrainerConfig trainer, OpenPanel open) {
        TrainerConfig coarse = trainer.withEpochs(Math.max(1, trainer.epochs() / SWEEP_EPOCH_DIVISOR), 1);
        TreeMap<String, Double> equal = new TreeMap<>();
        for (String id : MENU) equal.put(id, 1.0 / MENU.size());
        Mandate template = new Mandate(equal, List.of(), DataUseRules.NONE, null, Provenance.baseline("demo weight sweep over the panel's menu"));
        int points = WeightSweep.lattice(MENU, SWEEP_STEP).size();
        console.detail("%d lattice points, step %s, %d epochs each (calibration %d)", points, SWEEP_STEP, coarse.epochs(), coarse.calibrationEpochs());
        SweepResult result = WeightSweep.run(data, split, template, SWEEP_STEP, coarse, org.mandate.training.train.ProgressListener.NONE,
                SWEEP_EXAMPLE_USERS, (index, total, point) -> console.detail("%s point %d/%d %s: %s %.4f, %s %.4f (%.1f s)",
                        Console.bar(index, total), index, total, weights(point.weights()), CURVE_X, point.value(CURVE_X), CURVE_Y,
                        point.value(CURVE_Y), point.seconds()));
        SweepFile file = SweepFile.of(result);
        Path path = config.out().resolve(SWEEP_FILE);
        file.write(path);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + path, e);
        }
        StoredSweep stored = new SweepService(db.jdbi()).upload(open.panelId(), open.organiserToken(), bytes);
        console.detail("%s: %d points, %d non-dominated; uploaded to the panel (ledger entry %d, sha256 %s)", path, file.points().size(),
                file.points().stream().filter(SweepFile.Point::nonDominated).count(), stored.ledgerSeq(), stored.sha256());
        return file;
    }

    /** The report's trade-off curve: every sweep point, and the model trained under the voted mandate among them. */
    static TradeOffCurve tradeOff(SweepFile sweep, TrainingResult voted) {
        List<TradeOffCurve.Point> points = new ArrayList<>();
        for (SweepFile.Point p : sweep.points()) {
            points.add(new TradeOffCurve.Point("sweep " + weightsLabel(p.weights()), p.weights(), p.metrics().get(CURVE_X), p.metrics().get(CURVE_Y)));
        }
        TradeOffCurve.Point chosen = new TradeOffCurve.Point(VOTED, new TreeMap<>(voted.mandate().weights()),
                voted.evaluation().value(CURVE_X), voted.evaluation().value(CURVE_Y));
        // The metric's own name (ndcg@10): the report puts it after the objective's name, while the sweep file's labels already carry both.
        return new TradeOffCurve(CURVE_X, voted.evaluation().metric(CURVE_X).metric(), CURVE_Y, voted.evaluation().metric(CURVE_Y).metric(),
                points, chosen);
    }

    private static String weightsLabel(Map<String, Double> weights) {
        StringBuilder s = new StringBuilder();
        weights.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT, "%s=%.2f", k, v)));
        return s.toString();
    }

    /** The training's own check of each floor and ceiling on the held-out users, as the report states them. */
    static List<BoundResult> bounds(TrainingResult voted) {
        return voted.bounds().stream().map(b -> new BoundResult(b.objective(), b.kind(), b.threshold(), b.achieved(), b.met())).toList();
    }

    /**
     * Members post the demo's statements and vote on each other's through the statement service; the
     * organiser hides the abusive one (a published moderation entry). Returns the statements with the
     * broadest cross-group support, with every opinion group's votes on them.
     */
    private List<BridgingStatement> deliberate(Jdbi jdbi, long panelId, String organiser, List<Session> sessions, SyntheticPanel panel) {
        StatementService statements = new StatementService(jdbi);
        Random random = new Random(config.seed() * 31 + 7);
        Map<Long, String> authors = new HashMap<>();
        Map<Long, SyntheticStatements.Item> visible = new TreeMap<>();
        int hidden = 0;
        for (SyntheticStatements.Item item : SyntheticStatements.demo().items()) {
            int author = -1;
            for (int i = 0; i < sessions.size() && author < 0; i++) if (panel.members().get(i).group().equals(item.author())) author = i;
            if (author < 0) continue; // a tiny panel may lack the group; its statements go unsaid
            Statement posted = statements.post(panelId, sessions.get(author).token(), item.text());
            authors.put(posted.id(), sessions.get(author).member().voterId());
            if (item.abusive()) {
                statements.hide(panelId, organiser, posted.id(), SyntheticStatements.HIDDEN_REASON);
                hidden++;
            } else {
                visible.put(posted.id(), item);
            }
        }
        int votes = 0;
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            for (Map.Entry<Long, SyntheticStatements.Item> s : visible.entrySet()) {
                if (authors.get(s.getKey()).equals(session.member().voterId()) || random.nextDouble() >= STATEMENT_VOTE_RATE) continue;
                int stance = SyntheticStatements.stance(s.getValue(), panel.members().get(i).group(), random);
                statements.vote(panelId, session.token(), s.getKey(), Stance.ofValue(stance));
                votes++;
            }
        }
        OpinionMap map = statements.opinionMap(panelId);
        List<BridgingStatement> bridging = bridging(map, statements.matrix(panelId), statements.statements(panelId));
        console.detail("deliberation: %d statements, %d votes on them, %d hidden by the organiser with a published reason; %d opinion groups",
                visible.size() + hidden, votes, hidden, map.groups().size());
        if (!bridging.isEmpty()) console.detail("broadest support across groups: \"%s\"", bridging.getFirst().text());
        return bridging;
    }

    /** The top statements by bridging consensus, with each opinion group's agree / disagree / pass counts. */
    static List<BridgingStatement> bridging(OpinionMap map, VoteMatrix matrix, List<Statement> statements) {
        Map<Long, String> text = new HashMap<>();
        statements.forEach(s -> text.put(s.id(), s.text()));
        Map<String, Integer> row = new HashMap<>();
        for (int r = 0; r < matrix.rows(); r++) row.put(matrix.participants().get(r), r);
        List<BridgingStatement> out = new ArrayList<>();
        for (StatementStanding standing : map.consensus()) {
            if (out.size() == BRIDGING_SHOWN || standing.votes() == 0 || map.groups().size() < 2) break;
            int column = matrix.statements().indexOf(standing.statementId());
            List<BridgingStatement.GroupVotes> groups = new ArrayList<>();
            for (int g = 0; g < map.groups().size(); g++) {
                OpinionGroup group = map.groups().get(g);
                int agree = 0, disagree = 0, pass = 0;
                for (String voter : group.members()) {
                    Integer r = row.get(voter);
                    if (r == null || !matrix.seen(r, column)) continue;
                    double v = matrix.vote(r, column);
                    if (v > 0) agree++; else if (v < 0) disagree++; else pass++;
                }
                groups.add(new BridgingStatement.GroupVotes("group " + (char) ('A' + g), group.members().size(), agree, disagree, pass));
            }
            out.add(new BridgingStatement(standing.statementId(), text.get(standing.statementId()), standing.consensus(), groups));
        }
        return List.copyOf(out);
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

    private WrittenReport writeReport(TallyOutcome outcome, PanelVote vote, TrainingResult baseline, TrainingResult voted, SweepFile sweep,
                                      LedgerStore ledger, SignedCheckpoint afterVote) {
        List<RunSummary> runs = List.of(summary(BASELINE, baseline), summary(VOTED, voted));
        List<LedgerEntry> entries = ledger.entries();
        LedgerView view = LedgerView.of(panelEntries(entries, vote.panelId()));
        long id = vote.panelId();
        PanelSummary panel = PanelSummary.fromLedger(view, id, vote.name(), vote.members(), config.rule(),
                "Fixed before voting opened. Independent markets (moving phantoms) is strategyproof: no member gets a result "
                        + "closer to their own ideal by exaggerating, unlike the mean, and it is proportional to the groups' sizes.");
        PanelConfigured configuration = view.all(PanelConfigured.class).stream().map(LedgerView.Typed::event)
                .filter(c -> c.panelId() == id).findFirst().orElse(null);
        List<PhaseChanged> phases = view.all(PhaseChanged.class).stream().map(LedgerView.Typed::event).filter(p -> p.panelId() == id).toList();
        List<ReportInput.Sweep> sweeps = view.sweeps(id).stream().map(t -> new ReportInput.Sweep(t.entry().seq(), t.event())).toList();
        BootstrapInterval intervals = Robustness.bootstrap(vote.ballots(), new ObjectiveMenu(MENU), WeightRule.byId(config.rule()),
                BOOTSTRAP_RESAMPLES, config.seed(), 0.95);
        String command = "./mandate verify --bundle " + config.bundleDir() + " --receipt <your receipt>";
        ReportInput input = new ReportInput("How the recommender was told what to optimise", Instant.now(), panel,
                outcome.tally(), outcome.mandate(), runs, LedgerSummary.of(org.mandate.audit.ledger.HashChain.verify(entries), entries.size()),
                configuration, phases, intervals, RuleVotes.of(view, id), vote.bridging(), datasheet(), NON_PROFILING, bounds(voted),
                VerificationSummary.of(entries, afterVote, vote.panelId(), command), sweeps);
        List<StrataTable> strata = new ArrayList<>(turnout(new StrataService(db.jdbi()).members(vote.panelId())));
        strata.add(favourites(vote.synthetic()));
        WrittenReport report = ReportWriter.write(input, new ReportSections(tradeOff(sweep, voted), strata), config.reportDir());
        append(ledger, report.ledgerEvent());
        return report;
    }

    /**
     * The entries about one panel (its payload names it), so that a reused database's older panels, possibly in
     * formats this version no longer reads, stay out of the report's typed view.
     */
    static List<LedgerEntry> panelEntries(List<LedgerEntry> entries, long panelId) {
        String key = "\"panel\":" + panelId;
        return entries.stream().filter(e -> e.payload().contains(key + ",") || e.payload().contains(key + "}")).toList();
    }

    static final String NON_PROFILING = "Everyone can ask for the list that uses no viewing history at all: the same programmes for every user, "
            + "ranked by the voted weights (DSA art. 38). In this toolkit: ./mandate recommend --run <run> --non-profiling --format synthetic.";

    /** The datasheet of the synthetic broadcaster: generated data, so nobody's viewing and nobody's labelling work is in it. */
    private Datasheet datasheet() {
        return new Datasheet("Synthetic public-broadcaster catalogue of " + config.items() + " programmes and audience of " + config.users()
                        + " users (SyntheticBroadcaster, seed " + config.seed() + ")", true,
                "Generated by the training module's SyntheticBroadcaster: no person's viewing was recorded",
                "Not applicable: the interactions are generated, not observed over a period",
                "Not applicable: the data describes no real person",
                "No human labelling: genres, provider groups and the local tag are drawn by the generator from fixed distributions",
                "Not applicable: no labelling work was done",
                "No data was selected or cleaned by hand: the generator's distributions (catalogue shape, long-tail popularity, provider shares) are fixed in its code",
                "Not applicable: no curation work was done",
                "Synthetic tastes follow the generator's assumptions: the metrics show how the method behaves, not how a real audience would react");
    }

    /** Turnout by age band and by region, from the attributes members joined with (stored with their seats). */
    static List<StrataTable> turnout(List<StratumMember> members) {
        SortedMap<String, SortedMap<String, Long>> byAge = new TreeMap<>(), byRegion = new TreeMap<>();
        for (StratumMember m : members) {
            String turnout = m.hasVoted() ? "voted" : "abstained";
            byAge.computeIfAbsent(m.attributes().getOrDefault("age_band", "not stated"), k -> new TreeMap<>()).merge(turnout, 1L, Long::sum);
            byRegion.computeIfAbsent(m.attributes().getOrDefault("region", "not stated"), k -> new TreeMap<>()).merge(turnout, 1L, Long::sum);
        }
        return List.of(new StrataTable("Turnout by age band", "age band", "ballot", byAge),
                new StrataTable("Turnout by region", "region", "ballot", byRegion));
    }

    /**
     * The objective each voter gave the most points, by region. The stored strata deliberately carry no
     * ballot, so this one comes from the synthetic members the demo generated (the same people).
     */
    static StrataTable favourites(SyntheticPanel panel) {
        SortedMap<String, SortedMap<String, Long>> favourite = new TreeMap<>();
        for (SyntheticPanel.Member m : panel.members()) {
            if (!m.votes()) continue;
            String id = m.points().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String top = Catalogue.find(id).map(o -> o.name().en()).orElse(id);
            favourite.computeIfAbsent(m.region(), k -> new TreeMap<>()).merge(top, 1L, Long::sum);
        }
        return new StrataTable("Objective given the most points, by region (voters only)", "region", "objective", favourite);
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

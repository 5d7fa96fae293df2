package org.mandate.deliberation.jobs;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.TallyService;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.CheckpointRefused;
import org.mandate.training.train.CheckpointStore;
import org.mandate.training.train.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Training runs as background jobs. An organiser triggers a run once the panel's mandate is published; the job is
 * written to {@code training_runs} (queued) before anything else happens, and one worker thread trains the queued
 * jobs in order with {@link TrainingRun} under the whole mandate, reporting each epoch as progress. On timed data the
 * trainer applies the mandate's interaction-age limit itself (the manifest's {@code data_use.age_filter} says what it
 * removed); on data without timestamps a mandate with an age limit fails the run rather than train on every age.
 * A finished run's model artifact is written under {@link TrainingSettings#artifacts()}, and its {@code training_run}
 * and {@code evaluation} ledger entries are appended in the same transaction that marks it succeeded, so the record
 * never names a run that did not finish, nor a finished run that it does not record.
 *
 * <p>Restarts: every epoch (of each calibration run and of the training) is checkpointed in the run's
 * {@code checkpoints/} directory. On start, a job left running by a worker that is gone is queued again and resumes
 * from its last checkpoint, ending with the same model as an uninterrupted run (see {@link TrainingJobStore});
 * stopping a server stops its worker after the next checkpointed epoch and leaves its job to that recovery, exactly
 * as a crash would.
 */
public final class TrainingJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

    /** The directory, inside a run's artifact directory, of its per-epoch checkpoints. */
    static final String CHECKPOINTS = "checkpoints";

    /** Thrown from the progress callback to stop a run when the server stops. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the server is stopping", null, false, false);
        }
    }

    private final Jdbi jdbi;
    private final TrainingSettings settings;
    private final TrainingJobStore store;
    private final MemberService members;
    private final PanelService panels;
    private final TallyService tallies;
    private final LedgerStore ledger;
    private final ExecutorService worker;
    private final ServedModels served;
    private volatile boolean closed;
    private TrainingData data;

    public TrainingJobs(Jdbi jdbi, TrainingSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.store = new TrainingJobStore(jdbi);
        this.members = new MemberService(jdbi);
        this.panels = new PanelService(jdbi);
        this.tallies = new TallyService(jdbi);
        this.ledger = new LedgerStore(jdbi);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "training-worker");
            t.setDaemon(true);
            return t;
        });
        this.served = new ServedModels(this::data, settings);
        TrainingJobStore.Recovery recovery = store.recoverInterrupted(null);
        if (!recovery.requeued().isEmpty()) {
            log.warn("training run(s) {} were running when their server stopped; queued again, to resume from their checkpoints", recovery.requeued());
        }
        if (!recovery.failed().isEmpty()) log.warn("training run(s) {} were cut short too often; marked failed", recovery.failed());
        for (long id : store.queued()) worker.execute(() -> run(id));
    }

    /**
     * Queues a training run of the panel's published mandate.
     *
     * @throws Refused    unauthorised (401), not the panel's organiser (403), no such panel (404)
     * @throws JobProblem the panel has no published mandate yet (409)
     */
    public TrainingJob submit(long panelId, String organiserToken) {
        Member caller = members.authenticate(organiserToken)
                .orElseThrow(() -> new Refused(Refused.Kind.UNAUTHORISED, "an organiser's bearer token is required"));
        panels.get(panelId);
        if (caller.panelId() != panelId || caller.role() != Member.Role.ORGANISER) {
            throw new Refused(Refused.Kind.FORBIDDEN, "only the organiser of panel " + panelId + " may start a training run");
        }
        if (closed) throw new JobProblem("server-stopping", "The server is stopping", 503, "the server is stopping; try again later");
        PublishedMandate mandate = tallies.mandate(panelId).orElseThrow(() -> new JobProblem("no-mandate", "No published mandate", 409,
                "panel " + panelId + " has not published a mandate yet; tally it first"));
        TrainingJob job = store.insert(panelId, mandate.mandateHash());
        worker.execute(() -> run(job.id()));
        log.info("training run {} queued for panel {} (mandate {})", job.id(), panelId, mandate.mandateHash().substring(0, 12));
        return job;
    }

    /**
     * A run by id. A run left running by a worker that is gone (another server that stopped) is queued again here and
     * resumed by this server's worker.
     */
    public TrainingJob get(long runId) {
        TrainingJob job = store.find(runId).orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND, "there is no training run " + runId));
        if (job.state() != JobState.RUNNING) return job;
        TrainingJobStore.Recovery recovery = store.recoverInterrupted(runId);
        if (recovery.requeued().isEmpty() && recovery.failed().isEmpty()) return job;
        if (!recovery.requeued().isEmpty() && !closed) {
            try {
                worker.execute(() -> run(runId));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing meanwhile: the job stays queued for the next server.
            }
        }
        return store.get(runId);
    }

    /** The panel's runs, oldest first. */
    public List<TrainingJob> ofPanel(long panelId) {
        panels.get(panelId);
        return store.ofPanel(panelId);
    }

    /** The panel's latest succeeded run, if any. */
    public Optional<TrainingJob> latestSucceeded(long panelId) {
        return store.latestSucceeded(panelId);
    }

    /** The serving side: lists from the panel's latest succeeded model. */
    public ServedModels served() {
        return served;
    }

    /** The configured data set, loaded on first use. */
    synchronized TrainingData data() {
        if (data == null) {
            log.info("loading the training data: {}", settings.description());
            data = settings.data().get();
        }
        return data;
    }

    private void run(long id) {
        if (closed) return;
        try (Handle session = jdbi.open()) {
            // Held while the job runs: its release (this connection closing, with the process) tells the next server the job died.
            if (!TrainingJobStore.tryLock(session, id)) return;
            try {
                if (!store.claim(id)) return;
                execute(store.get(id));
            } catch (Stopped e) {
                log.warn("training run {} stopped with the server; the next start resumes it from its checkpoints", id);
            } catch (RuntimeException | Error e) {
                if (closed) {
                    log.warn("training run {} broke off while the server stopped; the next start resumes it from its checkpoints", id, e);
                    return;
                }
                log.error("training run {} failed", id, e);
                store.fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } finally {
                TrainingJobStore.unlock(session, id);
            }
        } catch (RuntimeException e) {
            log.error("training run {}: the database is unavailable", id, e);
        }
    }

    private void execute(TrainingJob job) {
        long id = job.id();
        PublishedMandate published = tallies.mandate(job.panelId())
                .orElseThrow(() -> new IllegalStateException("panel " + job.panelId() + " has no published mandate"));
        if (!published.mandateHash().equals(job.mandateHash())) {
            throw new IllegalStateException("panel " + job.panelId() + "'s published mandate is now " + published.mandateHash()
                    + ", not " + job.mandateHash() + " under which this run was queued; a run never trains under another mandate (start a new run)");
        }
        Mandate mandate = published.mandate();
        TrainingData data = data();
        Path dir = runDirectory(job);
        Path checkpointDir = dir.resolve(CHECKPOINTS);
        TrainingResult result = trainOrResume(job, data, mandate, checkpointDir);
        if (closed) throw new Stopped();
        store.progress(id, "saving", 0, 0);
        ModelArtifact.write(result, dir);
        try {
            Files.writeString(dir.resolve(ServedModels.MANDATE), mandate.canonicalJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mandate beside the model in " + dir, e);
        }
        String label = "panel " + job.panelId() + ", training run " + id;
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) result.manifest().toJsonValue();
        TrainingRunRecorded run = new TrainingRunRecorded(label, job.mandateHash(), manifest);
        EvaluationRecorded evaluation = new EvaluationRecorded(label, job.mandateHash(), new TreeMap<>(result.evaluation().metrics()));
        jdbi.useTransaction(h -> {
            LedgerEntry runEntry = ledger.append(h, run.kind(), run.canonicalJson());
            LedgerEntry evaluationEntry = ledger.append(h, evaluation.kind(), evaluation.canonicalJson());
            if (!TrainingJobStore.succeed(h, id, dir.toAbsolutePath().toString(), result.manifest().modelSha256(), runEntry.seq(), evaluationEntry.seq())) {
                // Declared interrupted meanwhile: roll the entries back rather than record a run the table calls failed.
                throw new Stopped();
            }
        });
        log.info("training run {} for panel {} succeeded in {} s; model in {}", id, job.panelId(), String.format("%.1f", result.seconds()), dir);
        deleteCheckpoints(checkpointDir); // they only serve a resume; the artifact is the run's result
        try {
            served.warm(store.get(id)); // the first request should not pay for loading and the serving payoff table
        } catch (RuntimeException e) {
            log.warn("training run {} succeeded but its model could not be prepared for serving", id, e);
        }
    }

    /** Where run {@code job}'s artifact goes; its checkpoints are in {@value #CHECKPOINTS} inside it. */
    private Path runDirectory(TrainingJob job) {
        return settings.artifacts().resolve("panel-" + job.panelId()).resolve("run-" + job.id());
    }

    /** A restarted job continues from its checkpoints; a first attempt starts clean (the store clears the directory). */
    private TrainingResult trainOrResume(TrainingJob job, TrainingData data, Mandate mandate, Path checkpointDir) {
        long id = job.id();
        boolean restarted = job.restarts() > 0;
        boolean resume = restarted && Files.isDirectory(checkpointDir);
        if (resume) log.info("training run {} resumes from the checkpoints in {} (restart {})", id, checkpointDir, job.restarts());
        try {
            return train(data, mandate, progress(id, restarted), CheckpointStore.in(checkpointDir, resume));
        } catch (CheckpointRefused e) {
            if (!resume) throw e;
            // E.g. the server was upgraded between the attempts: a fresh run gives the same model, only later.
            log.warn("training run {} cannot resume from {} ({}); training it again from the start", id, checkpointDir, e.getMessage());
            return train(data, mandate, progress(id, true), CheckpointStore.in(checkpointDir, false));
        }
    }

    /**
     * The progress callback: stops the run when the server stops (after the epoch's checkpoint is written, so nothing
     * finished is lost), records each epoch, and on a restarted run where it picked up (epoch 1 of the first step when
     * nothing could be resumed).
     */
    private ProgressListener progress(long id, boolean resumed) {
        boolean[] first = {resumed};
        return (phase, epoch, epochs, loss, seconds) -> {
            if (closed) throw new Stopped();
            if (first[0]) {
                store.resumedAt(id, phase, epoch);
                first[0] = false;
            }
            store.progress(id, phase, epoch, epochs);
        };
    }

    /**
     * Trains under the whole mandate. Timed data takes the trainer's timed path (age limit applied inside, recorded in
     * the manifest); data without timestamps cannot honour an age limit, so such a mandate is refused before training.
     */
    private TrainingResult train(TrainingData data, Mandate mandate, ProgressListener progress, CheckpointStore checkpoints) {
        return switch (data) {
            case TrainingData.Timed timed -> TrainingRun.execute(timed.interactions(), timed.reference(), settings.seed(), mandate,
                    settings.trainer(), progress, checkpoints);
            case TrainingData.Untimed untimed -> {
                Integer days = mandate.dataUse().maxInteractionAgeDays();
                if (days != null) {
                    throw new IllegalArgumentException("the mandate allows only interactions from the last " + days + " days, but this server's "
                            + "training data (" + settings.description() + ") has no timestamps, so that limit cannot be applied; "
                            + "refusing to train on interactions of every age (serve a data set with timestamps)");
                }
                for (String forbidden : mandate.dataUse().forbiddenAttributes()) {
                    if (untimed.fieldsRead().contains(forbidden)) {
                        throw new IllegalArgumentException("the mandate forbids '" + forbidden + "', which this server's training data ("
                                + settings.description() + ") always contains; refusing to train");
                    }
                }
                yield TrainingRun.execute(untimed.data(), HoldoutSplit.standard(untimed.data(), settings.seed()), mandate,
                        settings.trainer(), progress, checkpoints);
            }
        };
    }

    private static void deleteCheckpoints(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.warn("cannot remove the checkpoints in {}", dir, e);
        }
    }

    /** Stops taking jobs and stops the running one at its next epoch (waiting up to a minute for it). */
    @Override
    public void close() {
        closed = true;
        // No interrupt: JDBC and ND4J calls are not interruptible cleanly; the progress callback sees the flag.
        worker.shutdown();
        try {
            if (!worker.awaitTermination(60, TimeUnit.SECONDS)) log.warn("the training worker did not stop within a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

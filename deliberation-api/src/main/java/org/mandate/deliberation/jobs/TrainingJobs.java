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
import org.mandate.training.data.InteractionData;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
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

/**
 * Training runs as background jobs. An organiser triggers a run once the panel's mandate is published; the job is
 * written to {@code training_runs} (queued) before anything else happens, and one worker thread trains the queued
 * jobs in order with {@link TrainingRun}, reporting each epoch as progress. A finished run's model artifact is
 * written under {@link TrainingSettings#artifacts()}, and its {@code training_run} and {@code evaluation} ledger
 * entries are appended in the same transaction that marks it succeeded, so the record never names a run that did
 * not finish, nor a finished run that it does not record.
 *
 * <p>Restarts: on start, a job left running by a worker that is gone is marked failed("interrupted") and queued jobs
 * are picked up again (see {@link TrainingJobStore}); stopping a server stops its worker at the next epoch and leaves
 * its job to that recovery, exactly as a crash would.
 */
public final class TrainingJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

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
    private InteractionData data;

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
        int interrupted = store.recoverInterrupted(null);
        if (interrupted > 0) log.warn("{} training run(s) were running when their server stopped; marked failed (interrupted)", interrupted);
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

    /** A run by id; a run left running by a worker that is gone is reported (and recorded) as interrupted. */
    public TrainingJob get(long runId) {
        TrainingJob job = store.find(runId).orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND, "there is no training run " + runId));
        if (job.state() == JobState.RUNNING && store.recoverInterrupted(runId) > 0) return store.get(runId);
        return job;
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
    synchronized InteractionData data() {
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
                log.warn("training run {} stopped with the server; the next start records it as interrupted", id);
            } catch (RuntimeException | Error e) {
                if (closed) {
                    log.warn("training run {} broke off while the server stopped; the next start records it as interrupted", id, e);
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
            throw new IllegalStateException("the panel's mandate is " + published.mandateHash() + ", not the one queued");
        }
        InteractionData all = data();
        HoldoutSplit split = HoldoutSplit.standard(all, settings.seed());
        TrainingResult result = TrainingRun.execute(all, split, published.mandate(), settings.trainer(), (phase, epoch, epochs, loss, seconds) -> {
            if (closed) throw new Stopped();
            store.progress(id, phase, epoch, epochs);
        });
        if (closed) throw new Stopped();
        store.progress(id, "saving", 0, 0);
        Path dir = settings.artifacts().resolve("panel-" + job.panelId()).resolve("run-" + id);
        ModelArtifact.write(result, dir);
        try {
            Files.writeString(dir.resolve(ServedModels.MANDATE), published.mandate().canonicalJson(), StandardCharsets.UTF_8);
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
        try {
            served.warm(store.get(id)); // the first request should not pay for loading and the serving payoff table
        } catch (RuntimeException e) {
            log.warn("training run {} succeeded but its model could not be prepared for serving", id, e);
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

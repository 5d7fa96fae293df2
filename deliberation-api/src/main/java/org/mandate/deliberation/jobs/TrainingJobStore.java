package org.mandate.deliberation.jobs;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code training_runs} table. Every state change is a guarded UPDATE ({@code WHERE state = ...}), so a job is
 * claimed by exactly one worker and a late writer (a worker that was declared interrupted) changes nothing.
 *
 * <p>Liveness: a worker holds a PostgreSQL session advisory lock on the job while it runs. The lock goes when the
 * worker's connection does (process killed, machine lost, server stopped), so a running job whose lock is free has no
 * worker left; {@link #recoverInterrupted} queues it again (running → queued, {@code restarts + 1}) so that a worker
 * resumes it from its checkpoints, and fails it only once it has been cut short {@value #MAX_RESTARTS} times (a job
 * that kills its server every time must not restart it forever).
 */
final class TrainingJobStore {

    /** First key of the advisory locks, "MJOB": keeps them apart from any other use of advisory locks. */
    static final int LOCK_CLASS = 0x4D4A4F42;

    /** Restarts a job gets; one more interruption fails it. */
    static final int MAX_RESTARTS = 3;

    /** What {@link #recoverInterrupted} did: jobs queued again, jobs failed for being interrupted too often. */
    record Recovery(List<Long> requeued, List<Long> failed) {}

    private static final String COLUMNS = """
            SELECT id, panel_id, mandate_hash, state, step, epoch, epochs, error, artifact_dir, model_sha256,
                   training_seq, evaluation_seq, created_at, started_at, finished_at, restarts, resumed_step, resumed_epoch
              FROM training_runs""";

    private static final RowMapper<TrainingJob> JOB = (rs, ctx) -> new TrainingJob(rs.getLong("id"), rs.getLong("panel_id"),
            rs.getString("mandate_hash"), JobState.of(rs.getString("state")), rs.getString("step"), rs.getInt("epoch"),
            rs.getInt("epochs"), rs.getString("error"), rs.getString("artifact_dir"), rs.getString("model_sha256"),
            rs.getObject("training_seq", Long.class), rs.getObject("evaluation_seq", Long.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs.getObject("started_at", OffsetDateTime.class)),
            instant(rs.getObject("finished_at", OffsetDateTime.class)), rs.getInt("restarts"), rs.getString("resumed_step"),
            rs.getObject("resumed_epoch", Integer.class));

    private final Jdbi jdbi;

    TrainingJobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    TrainingJob insert(long panelId, String mandateHash) {
        long id = jdbi.withHandle(h -> h.createQuery("INSERT INTO training_runs (panel_id, mandate_hash) VALUES (:p, :m) RETURNING id")
                .bind("p", panelId).bind("m", mandateHash).mapTo(Long.class).one());
        return get(id);
    }

    Optional<TrainingJob> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id).map(JOB).findOne());
    }

    TrainingJob get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("training run " + id + " vanished"));
    }

    Optional<TrainingJob> latestSucceeded(long panelId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE panel_id = :p AND state = 'succeeded' ORDER BY id DESC LIMIT 1")
                .bind("p", panelId).map(JOB).findOne());
    }

    List<TrainingJob> ofPanel(long panelId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE panel_id = :p ORDER BY id").bind("p", panelId).map(JOB).list());
    }

    List<Long> queued() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM training_runs WHERE state = 'queued' ORDER BY id").mapTo(Long.class).list());
    }

    /** Takes the job's liveness lock on {@code session}, if no other worker holds it. */
    static boolean tryLock(Handle session, long id) {
        return session.createQuery("SELECT pg_try_advisory_lock(:c, :o)").bind("c", LOCK_CLASS).bind("o", (int) id)
                .mapTo(Boolean.class).one();
    }

    static void unlock(Handle session, long id) {
        session.createQuery("SELECT pg_advisory_unlock(:c, :o)").bind("c", LOCK_CLASS).bind("o", (int) id).mapTo(Boolean.class).one();
    }

    /** queued → running; false when another worker claimed it first. */
    boolean claim(long id) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE training_runs SET state = 'running', step = 'loading data', started_at = now()
                         WHERE id = :id AND state = 'queued'""").bind("id", id).execute()) == 1;
    }

    /** Where a restarted job picked up: the first step and epoch it trained after the restart. */
    void resumedAt(long id, String step, int epoch) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE training_runs SET resumed_step = :s, resumed_epoch = :e WHERE id = :id AND state = 'running'")
                .bind("id", id).bind("s", step).bind("e", epoch).execute());
    }

    void progress(long id, String step, int epoch, int epochs) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE training_runs SET step = :s, epoch = :e, epochs = :n WHERE id = :id AND state = 'running'")
                .bind("id", id).bind("s", step).bind("e", epoch).bind("n", epochs).execute());
    }

    /** running → succeeded, inside the caller's transaction (with the ledger entries); false if it is no longer running. */
    static boolean succeed(Handle h, long id, String artifactDir, String modelSha256, long trainingSeq, long evaluationSeq) {
        return h.createUpdate("""
                        UPDATE training_runs SET state = 'succeeded', step = 'done', artifact_dir = :dir, model_sha256 = :model,
                               training_seq = :t, evaluation_seq = :e, finished_at = now()
                         WHERE id = :id AND state = 'running'""")
                .bind("id", id).bind("dir", artifactDir).bind("model", modelSha256).bind("t", trainingSeq).bind("e", evaluationSeq)
                .execute() == 1;
    }

    void fail(long id, String error) {
        String message = error == null || error.isBlank() ? "failed" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE training_runs SET state = 'failed', error = :error, finished_at = now()
                         WHERE id = :id AND state = 'running'""").bind("id", id).bind("error", message).execute());
    }

    /**
     * Queues again every running job whose worker is gone (its advisory lock is free), or only job {@code onlyId}
     * when it is not null; a job already restarted {@value #MAX_RESTARTS} times is failed instead.
     */
    Recovery recoverInterrupted(Long onlyId) {
        return jdbi.withHandle(h -> {
            List<Long> running = h.createQuery("SELECT id FROM training_runs WHERE state = 'running'"
                            + " AND (CAST(:only AS bigint) IS NULL OR id = :only) ORDER BY id")
                    .bind("only", onlyId).mapTo(Long.class).list();
            List<Long> requeued = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            for (long id : running) {
                if (!tryLock(h, id)) continue; // a live worker holds it
                try {
                    // Both guarded by state = 'running': a concurrent recovery (another server, another GET) changes nothing twice.
                    if (h.createUpdate("""
                                    UPDATE training_runs SET state = 'queued', step = 'queued', epoch = 0, epochs = 0, started_at = NULL,
                                           restarts = restarts + 1, resumed_step = NULL, resumed_epoch = NULL
                                     WHERE id = :id AND state = 'running' AND restarts < :max""")
                            .bind("id", id).bind("max", MAX_RESTARTS).execute() == 1) {
                        requeued.add(id);
                    } else if (h.createUpdate("""
                                    UPDATE training_runs SET state = 'failed', error = :error, finished_at = now()
                                     WHERE id = :id AND state = 'running'""")
                            .bind("id", id).bind("error", "interrupted: its server stopped while it ran " + (MAX_RESTARTS + 1)
                                    + " times; not resumed again (start a new run)").execute() == 1) {
                        failed.add(id);
                    }
                } finally {
                    unlock(h, id);
                }
            }
            return new Recovery(requeued, failed);
        });
    }
}

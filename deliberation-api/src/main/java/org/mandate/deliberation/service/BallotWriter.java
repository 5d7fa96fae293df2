package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.BallotEntry;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.json.CanonicalJson;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import static org.mandate.objectives.ballot.BallotRejected.Reason.ALREADY_VOTED;

/**
 * Group commit for ballots. Requests validate their ballot completely, then queue it here; one writer
 * thread takes everything queued (up to {@link #MAX_BATCH}) and writes it in ONE transaction — the panel
 * rows share-locked, the ledger lock taken once, versions read once, every ballot row and its chained
 * ledger entry inserted in batches — commits (a durable commit: one WAL flush for the whole batch), and
 * only then answers each request with its receipt. The chain order is the commit order because there
 * is one writer per process and the ledger lock orders writers across processes.
 *
 * <p>A ballot the batch must refuse (panel no longer voting, a second ballot where revision is not
 * allowed) is answered with its refusal and the others go ahead; an unexpected database error rolls the
 * batch back and each ballot is retried on its own, so one bad ballot never sinks the others.
 */
final class BallotWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BallotWriter.class);

    /** Enough to amortise a commit over many ballots, small enough that a batch's statements stay short. */
    static final int MAX_BATCH = 256;

    /** A validated ballot waiting to be written. */
    record Pending(long panelId, long memberId, String voter, BallotContent content, CompletableFuture<Receipt> result) {}

    private final Jdbi jdbi;
    private final LedgerStore ledger;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /** Batches rolled back by an unexpected error and retried ballot by ballot (for monitoring and tests). */
    private final java.util.concurrent.atomic.AtomicLong retriedBatches = new java.util.concurrent.atomic.AtomicLong();

    BallotWriter(Jdbi jdbi, LedgerStore ledger) {
        this.jdbi = jdbi;
        this.ledger = ledger;
        this.thread = Thread.ofPlatform().daemon().name("ballot-writer").unstarted(this::run);
        thread.start();
    }

    /** Queues a validated ballot; the receipt arrives once its batch has committed. */
    Receipt write(long panelId, long memberId, String voter, BallotContent content) {
        if (closed) throw new IllegalStateException("the ballot writer is closed");
        Pending p = new Pending(panelId, memberId, voter, content, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                if (closed) break;
            } catch (RuntimeException | Error e) {
                // writeBatch answers every request itself; this only keeps the writer alive
                log.error("ballot writer failure", e);
                for (Pending p : batch) p.result().completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
        Pending p;
        while ((p = queue.poll()) != null) p.result().completeExceptionally(new IllegalStateException("the server is stopping; the ballot was not recorded"));
    }

    private void writeBatch(List<Pending> batch) {
        List<Object> outcomes;
        try {
            outcomes = jdbi.inTransaction(h -> write(h, batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(translate(e));
                return;
            }
            log.warn("a batch of {} ballots failed ({}); retrying them one by one", batch.size(), e.toString());
            retriedBatches.incrementAndGet();
            for (Pending p : batch) writeBatch(List.of(p));
            return;
        }
        // Committed: only now does anyone hear that their ballot is recorded.
        for (int i = 0; i < batch.size(); i++) {
            Object o = outcomes.get(i);
            if (o instanceof Receipt r) batch.get(i).result().complete(r);
            else batch.get(i).result().completeExceptionally((RuntimeException) o);
        }
    }

    /** Writes the batch in the caller's transaction; returns, per ballot, its Receipt or its refusal. */
    private List<Object> write(Handle h, List<Pending> batch) {
        // Lock order as everywhere: panel rows, then the ledger.
        TreeSet<Long> panelIds = new TreeSet<>();
        List<Long> memberIds = new ArrayList<>();
        for (Pending p : batch) { panelIds.add(p.panelId()); memberIds.add(p.memberId()); }
        record PanelState(Phase phase, boolean allowRevision) {}
        Map<Long, PanelState> panels = new HashMap<>();
        h.createQuery("SELECT id, phase, allow_revision FROM panels WHERE id = ANY(:ids) ORDER BY id FOR SHARE")
                .bindArray("ids", Long.class, new ArrayList<>(panelIds))
                .map((rs, ctx) -> panels.put(rs.getLong("id"), new PanelState(Phase.of(rs.getString("phase")), rs.getBoolean("allow_revision"))))
                .list();
        ledger.lock(h);
        // Every ballot writer holds the ledger lock while it reads and writes versions, so these are exact.
        Map<String, Integer> latest = new HashMap<>();
        h.createQuery("SELECT member_id, kind, max(version) AS v FROM ballots WHERE member_id = ANY(:m) GROUP BY member_id, kind")
                .bindArray("m", Long.class, memberIds)
                .map((rs, ctx) -> latest.put(rs.getLong("member_id") + "/" + rs.getString("kind"), rs.getInt("v")))
                .list();

        List<Object> outcomes = new ArrayList<>(batch.size());
        List<LedgerStore.Append> appends = new ArrayList<>();
        List<Pending> accepted = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant castAt = Tokens.now();
        for (Pending p : batch) {
            PanelState panel = panels.get(p.panelId());
            if (panel == null || panel.phase() != Phase.VOTE) {
                outcomes.add(new Refused(Refused.Kind.WRONG_PHASE, "panel " + p.panelId() + " is in phase "
                        + (panel == null ? "unknown" : panel.phase().id()) + "; ballots are accepted in phase vote"));
                continue;
            }
            String key = p.memberId() + "/" + p.content().kind().id();
            int last = latest.getOrDefault(key, 0);
            if (last > 0 && !panel.allowRevision()) {
                outcomes.add(new BallotRejected(ALREADY_VOTED, "you have already cast a " + p.content().kind().id()
                        + " ballot on panel " + p.panelId() + ", and it does not allow changing a ballot"));
                continue;
            }
            int version = last + 1;
            latest.put(key, version);
            // The ledger entry is the audit module's typed record (BallotCast for weights, KindBallotCast for
            // the other kinds), so the stored ballot, its receipt and the payload have the one definition the
            // verifier reads back.
            BallotEntry event = ledgerEvent(p, version, castAt);
            String ballotJson = CanonicalJson.write(event.ballot());
            String receipt = CanonicalJson.sha256Hex(ballotJson.getBytes(StandardCharsets.UTF_8));
            appends.add(new LedgerStore.Append(event.kind(), event.canonicalJson()));
            Map<String, Object> row = new HashMap<>();
            row.put("version", version);
            row.put("ballot", ballotJson);
            row.put("receipt", receipt);
            rows.add(row);
            accepted.add(p);
            outcomes.add(null); // filled in below, once the ledger seq is known
        }
        List<LedgerEntry> entries = ledger.appendWritten(h, appends);
        if (!accepted.isEmpty()) {
            var insert = h.prepareBatch("""
                    INSERT INTO ballots (panel_id, member_id, kind, version, ballot, receipt, ledger_seq, created_at)
                    VALUES (:panel, :member, :kind, :version, :ballot, :receipt, :seq, :castAt)""");
            for (int i = 0; i < accepted.size(); i++) {
                Pending p = accepted.get(i);
                Map<String, Object> row = rows.get(i);
                insert.bind("panel", p.panelId()).bind("member", p.memberId()).bind("kind", p.content().kind().id())
                        .bind("version", (int) row.get("version")).bind("ballot", (String) row.get("ballot"))
                        .bind("receipt", (String) row.get("receipt")).bind("seq", entries.get(i).seq()).bind("castAt", castAt).add();
            }
            insert.execute();
        }
        int next = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) continue;
            Pending p = accepted.get(next);
            Map<String, Object> row = rows.get(next);
            LedgerEntry e = entries.get(next);
            outcomes.set(i, new Receipt((String) row.get("receipt"), p.panelId(), p.voter(), (int) row.get("version"), e.seq(), castAt, (String) row.get("ballot")));
            next++;
        }
        return outcomes;
    }

    /** The ballot as its typed ledger event. */
    static BallotEntry ledgerEvent(Pending p, int version, Instant castAt) {
        BallotContent c = p.content();
        if (c.kind() == BallotKind.WEIGHTS) {
            TreeMap<String, Double> weights = new TreeMap<>();
            ((Map<?, ?>) c.value()).forEach((k, v) -> weights.put((String) k, ((Number) v).doubleValue()));
            return new BallotCast(p.panelId(), p.voter(), version, weights, castAt);
        }
        return new KindBallotCast(p.panelId(), p.voter(), version, c.kind().id(), c.value(), castAt);
    }

    /** A lost race for a version (only possible against a writer that skips the ledger lock) is a double vote. */
    private static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg && "23505".equals(pg.getSQLState()) && pg.getServerErrorMessage() != null
                    && "ballots_one_per_version".equals(pg.getServerErrorMessage().getConstraint())) {
                return new BallotRejected(ALREADY_VOTED, "a ballot from this member was recorded at the same moment; only one counts");
            }
        }
        return e;
    }

    long retriedBatches() {
        return retriedBatches.get();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}

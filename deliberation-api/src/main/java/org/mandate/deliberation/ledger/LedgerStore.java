package org.mandate.deliberation.ledger;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ledger table as a hash chain. Appends are serialised by an EXCLUSIVE lock on the table, held
 * until the appending transaction ends, so two writers never both extend the same head (readers are not
 * blocked); the schema's prev_hash uniqueness and head trigger are the second line of defence. A batch
 * of entries ({@link #appendAll}) takes the lock and reads the head once and inserts in one round trip:
 * the group commit that lets many ballots share one transaction and one WAL flush.
 */
public final class LedgerStore {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]*");

    static final RowMapper<LedgerEntry> ENTRY = (rs, ctx) -> new LedgerEntry(
            rs.getLong("seq"), rs.getString("kind"), rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"));

    private final Jdbi jdbi;

    public LedgerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Appends an entry in its own transaction. */
    public LedgerEntry append(String kind, String canonicalPayload) {
        return jdbi.inTransaction(h -> append(h, kind, canonicalPayload));
    }

    /**
     * Appends an entry inside the caller's transaction, so the entry commits or rolls back with the
     * caller's other writes (a ballot and its entry). The append lock is held until that transaction
     * ends: keep the work after an append short.
     */
    public LedgerEntry append(Handle handle, String kind, String canonicalPayload) {
        return appendAll(handle, List.of(new Append(kind, canonicalPayload))).getFirst();
    }

    /** An entry to append: its kind and its canonical JSON payload. */
    public record Append(String kind, String canonicalPayload) {}

    /**
     * Takes the append lock inside the caller's transaction (a no-op when it already holds it). Callers
     * that must read state the ledger lock protects before building their entries (ballot versions) take
     * it first; every ledger writer takes its panel row lock before this one, never after.
     */
    public void lock(Handle handle) {
        if (!handle.isInTransaction()) throw new IllegalStateException("ledger appends must run inside a transaction");
        handle.execute("LOCK TABLE ledger IN EXCLUSIVE MODE");
    }

    /**
     * Appends entries, in order, inside the caller's transaction: one lock, one head read, one batched
     * insert. They commit or roll back together with the caller's other writes.
     */
    public List<LedgerEntry> appendAll(Handle handle, List<Append> appends) {
        for (Append a : appends) requireValid(a.kind(), a.canonicalPayload());
        return appendWritten(handle, appends);
    }

    /**
     * {@link #appendAll} for payloads this process has just written with {@link CanonicalJson#write} (the
     * ballot writer's): canonical by construction, so the re-parse that guards other callers is skipped on
     * the hot path. The kind is still checked, and the schema checks it again.
     */
    public List<LedgerEntry> appendWritten(Handle handle, List<Append> appends) {
        if (!handle.isInTransaction()) throw new IllegalStateException("ledger appends must run inside a transaction");
        for (Append a : appends) {
            if (a.kind() == null || !KIND.matcher(a.kind()).matches()) throw new IllegalArgumentException("ledger kind must match [a-z][a-z0-9_]*, got " + a.kind());
            if (a.canonicalPayload() == null) throw new IllegalArgumentException("ledger payload is missing");
        }
        if (appends.isEmpty()) return List.of();
        lock(handle);
        // Under READ COMMITTED this statement sees every append committed before the lock was granted.
        LedgerEntry head = handle.createQuery("SELECT seq, kind, payload, prev_hash, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                .map(ENTRY).findOne().orElse(null);
        List<LedgerEntry> out = new ArrayList<>(appends.size());
        var batch = handle.prepareBatch("INSERT INTO ledger (seq, kind, payload, prev_hash, hash) VALUES (:seq, :kind, :payload, :prevHash, :hash)");
        for (Append a : appends) {
            LedgerEntry next = HashChain.next(head, a.kind(), a.canonicalPayload());
            batch.bind("seq", next.seq()).bind("kind", next.kind()).bind("payload", next.payload())
                    .bind("prevHash", next.prevHash()).bind("hash", next.hash()).add();
            out.add(next);
            head = next;
        }
        batch.execute();
        return out;
    }

    /** Every entry, in chain order: the export an auditor verifies offline. */
    public List<LedgerEntry> entries() {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, kind, payload, prev_hash, hash FROM ledger ORDER BY seq")
                .map(ENTRY).list());
    }

    /** The latest entry, if any. */
    public Optional<LedgerEntry> head() {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, kind, payload, prev_hash, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                .map(ENTRY).findOne());
    }

    /** Recomputes the whole chain from the stored bytes; the result names the first altered entry. */
    public ChainVerification verify() {
        return HashChain.verify(entries());
    }

    /** The ballot entry (of any kind: {@code ballot}, {@code ballot_floors}, ...) that published the ballot with this receipt, if it is in the record. */
    public Optional<LedgerEntry> findReceipt(String receipt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT l.seq, l.kind, l.payload, l.prev_hash, l.hash
                          FROM ballots b JOIN ledger l ON l.seq = b.ledger_seq
                         WHERE b.receipt = :receipt""")
                .bind("receipt", receipt).map(ENTRY).findOne());
    }

    /** Only canonical JSON goes in, so the stored bytes are the bytes everyone else would write. */
    private static void requireValid(String kind, String payload) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("ledger kind must match [a-z][a-z0-9_]*, got " + kind);
        }
        if (payload == null) throw new IllegalArgumentException("ledger payload is missing");
        String canonical;
        try {
            canonical = CanonicalJson.write(Json.parse(payload));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger payload is not JSON: " + e.getMessage(), e);
        }
        if (!canonical.equals(payload)) {
            throw new IllegalArgumentException("ledger payload is not in canonical form (RFC 8785); write it with CanonicalJson");
        }
    }
}

package org.mandate.deliberation.ledger;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ledger table as a hash chain. Appends are serialised by an EXCLUSIVE lock on the table, held
 * until the appending transaction ends, so two writers never both extend the same head (readers are not
 * blocked); the schema's prev_hash uniqueness and head trigger are the second line of defence.
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
        if (!handle.isInTransaction()) throw new IllegalStateException("ledger appends must run inside a transaction");
        requireValid(kind, canonicalPayload);
        handle.execute("LOCK TABLE ledger IN EXCLUSIVE MODE");
        // Under READ COMMITTED this statement sees every append committed before the lock was granted.
        LedgerEntry head = handle.createQuery("SELECT seq, kind, payload, prev_hash, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                .map(ENTRY).findOne().orElse(null);
        LedgerEntry next = HashChain.next(head, kind, canonicalPayload);
        handle.createUpdate("INSERT INTO ledger (seq, kind, payload, prev_hash, hash) VALUES (:seq, :kind, :payload, :prevHash, :hash)")
                .bind("seq", next.seq()).bind("kind", next.kind()).bind("payload", next.payload())
                .bind("prevHash", next.prevHash()).bind("hash", next.hash())
                .execute();
        return next;
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

    /** The {@code ballot} entry that published the ballot with this receipt, if it is in the record. */
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

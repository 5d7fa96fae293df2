package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An in-memory ledger: the reference for what a persistent store does (append
 * {@code HashChain.next(head, kind, payload)} under a lock, never update or delete), used by tests, the
 * demo and offline verification of an exported bundle. Not thread-safe: one writer, like the store's
 * serialised transaction.
 */
public final class Ledger {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]*");

    private final List<LedgerEntry> entries = new ArrayList<>();

    public Ledger() {}

    /** A ledger holding already-stored entries as they are (e.g. read from an export); call {@link #verify()} before trusting them. */
    public static Ledger of(List<LedgerEntry> stored) {
        Ledger ledger = new Ledger();
        ledger.entries.addAll(stored);
        return ledger;
    }

    public LedgerEntry append(LedgerEvent event) {
        return append(event.kind(), event.canonicalJson());
    }

    /**
     * Appends a kind this module does not model (e.g. panel phases). The kind must match
     * {@code [a-z][a-z0-9_]*} (no separator can hide in it, as in the database store) and the payload must
     * already be canonical JSON, or the same content could enter the chain under two spellings.
     */
    public LedgerEntry append(String kind, String canonicalPayload) {
        if (kind == null || !KIND.matcher(kind).matches()) throw new IllegalArgumentException("ledger kind must match [a-z][a-z0-9_]*, got " + kind);
        if (!CanonicalJson.write(Json.parse(canonicalPayload)).equals(canonicalPayload)) {
            throw new IllegalArgumentException("ledger payload of kind " + kind + " is not canonical JSON");
        }
        LedgerEntry next = HashChain.next(entries.isEmpty() ? null : entries.getLast(), kind, canonicalPayload);
        entries.add(next);
        return next;
    }

    public List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    public Optional<LedgerEntry> head() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast());
    }

    public ChainVerification verify() {
        return HashChain.verify(entries);
    }
}

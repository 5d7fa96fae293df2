package org.mandate.audit.checkpoint;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.merkle.MerkleTree;
import org.mandate.objectives.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The state of the ledger at one moment: its name (origin), its size and the RFC 9162 Merkle tree head of
 * its first {@code size} entries, with the time the log operator made the statement. Signed (and co-signed)
 * it becomes a {@link SignedCheckpoint}; two checkpoints of one origin whose roots are not linked by a
 * consistency proof are proof that the log forked or was rewritten.
 *
 * <p>What is signed is {@link #signedMessage()}: a domain line then the canonical JSON
 * {@code {"origin","root_hash","size","timestamp"}}, so a checkpoint signature can never be replayed as a
 * signature over anything else the keys sign.
 *
 * @param timestamp ISO-8601 instant ({@link Instant#toString()} form)
 */
public record Checkpoint(String origin, long size, String rootHash, String timestamp) implements JsonValue {

    /** Prefix of the signed bytes, versioned so a future format cannot be confused with this one. */
    public static final String DOMAIN = "mandate-checkpoint-v1";
    private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        if (origin == null || !ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("a checkpoint origin is 1-200 printable ASCII characters without spaces, got " + origin);
        }
        if (size < 0) throw new IllegalArgumentException("a checkpoint size is non-negative");
        if (rootHash == null || !SHA256.matcher(rootHash).matches()) {
            throw new IllegalArgumentException("a root hash is 64 lower-case hex digits, got " + rootHash);
        }
        try {
            if (!Instant.parse(Objects.requireNonNull(timestamp, "timestamp")).toString().equals(timestamp)) {
                throw new IllegalArgumentException("timestamp must be written as Instant.toString() does, got " + timestamp);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp must be an ISO-8601 instant, got " + timestamp, e);
        }
    }

    /** The checkpoint of the whole ledger as it stands. */
    public static Checkpoint of(String origin, List<LedgerEntry> entries, Instant at) {
        return new Checkpoint(origin, entries.size(), MerkleTree.ofLedger(entries).root(), at.toString());
    }

    /** The exact bytes every signature covers. */
    public byte[] signedMessage() {
        return (DOMAIN + '\n' + canonicalJson()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("origin", origin);
        json.put("size", size);
        json.put("root_hash", rootHash);
        json.put("timestamp", timestamp);
        return json;
    }

    static Checkpoint fromJson(Map<String, Object> json) {
        if (!json.keySet().equals(Set.of("origin", "size", "root_hash", "timestamp"))) {
            throw new IllegalArgumentException("a checkpoint has exactly origin, size, root_hash and timestamp, got " + json.keySet());
        }
        return new Checkpoint(JsonTrees.string(json, "origin"), JsonTrees.integer(json, "size"),
                JsonTrees.string(json, "root_hash"), JsonTrees.string(json, "timestamp"));
    }
}

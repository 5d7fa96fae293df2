package org.mandate.app;

import org.mandate.audit.checkpoint.Checkpoint;
import org.mandate.audit.checkpoint.CheckpointSigner;
import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.merkle.MerkleTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

/**
 * The two signers of the demo's checkpoints: the log operator (the broadcaster running Mandate) and a
 * second party standing in for the regulator, who co-signs only a head that is consistent with the
 * checkpoint they saw before. Private keys live outside the published bundle, under {@code keysDir},
 * and are made on first use.
 */
record Witnesses(String origin, KeyPair log, KeyPair regulator) {

    static final String LOG = "log";
    static final String REGULATOR = "regulator";

    static Witnesses load(Path keysDir, String origin) {
        return new Witnesses(origin, pair(keysDir, LOG), pair(keysDir, REGULATOR));
    }

    private static KeyPair pair(Path dir, String name) {
        if (Files.exists(dir.resolve(name + ".pub"))) return KeyFiles.readPair(dir, name);
        KeyPair pair = KeyFiles.generate();
        KeyFiles.writePair(pair, dir, name);
        return pair;
    }

    /** The operator's signature on the log as it stands. */
    SignedCheckpoint sign(List<LedgerEntry> entries) {
        return CheckpointSigner.sign(Checkpoint.of(origin, entries, Instant.now()), LOG, log);
    }

    /** The operator's signature on the new head, co-signed by the regulator after checking it extends {@code seen}. */
    SignedCheckpoint signAndWitness(List<LedgerEntry> entries, SignedCheckpoint seen) {
        SignedCheckpoint head = sign(entries);
        var proof = MerkleTree.ofLedger(entries).consistencyProof(seen.checkpoint().size(), entries.size());
        return CheckpointSigner.cosignIfConsistent(head, seen.checkpoint(), proof, REGULATOR, regulator);
    }
}

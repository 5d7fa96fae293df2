package org.mandate.audit.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.merkle.MerkleTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    static final String ORIGIN = "mandate.example/panel-7";
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aCheckpointSignedByTheLogAndCosignedByTheRegulatorVerifiesWithBothKeys() {
        KeyPair log = KeyFiles.generate();
        KeyPair regulator = KeyFiles.generate();
        List<LedgerEntry> entries = Fixtures.ledger().entries();
        Checkpoint cp = Checkpoint.of(ORIGIN, entries, AT);
        assertEquals(entries.size(), cp.size());
        assertEquals(MerkleTree.ofLedger(entries).root(), cp.rootHash());

        SignedCheckpoint signed = CheckpointSigner.cosign(CheckpointSigner.sign(cp, "log", log), "regulator", regulator);
        assertTrue(signed.signatureOf("log").orElseThrow().verifies(cp, log.getPublic()));
        assertTrue(signed.signatureOf("regulator").orElseThrow().verifies(cp, regulator.getPublic()));
        assertFalse(signed.signatureOf("log").orElseThrow().verifies(cp, regulator.getPublic()), "another key does not verify");

        Checkpoint bigger = new Checkpoint(ORIGIN, cp.size() + 1, cp.rootHash(), cp.timestamp());
        assertFalse(signed.signatureOf("log").orElseThrow().verifies(bigger, log.getPublic()), "the size is signed");
        Checkpoint renamed = new Checkpoint("other.example/log", cp.size(), cp.rootHash(), cp.timestamp());
        assertFalse(signed.signatureOf("log").orElseThrow().verifies(renamed, log.getPublic()), "the origin is signed");

        assertThrows(IllegalArgumentException.class, () -> CheckpointSigner.cosign(signed, "regulator", regulator), "one signature per signer");
    }

    @Test
    void thePublishedFormRoundTripsAndHasExactlyOneSpelling() {
        SignedCheckpoint signed = CheckpointSigner.sign(Checkpoint.of(ORIGIN, Fixtures.ledger().entries(), AT), "log", KeyFiles.generate());
        String text = signed.text();
        assertTrue(text.endsWith("}\n"));
        assertEquals(signed, SignedCheckpoint.parse(text));
        assertThrows(IllegalArgumentException.class, () -> SignedCheckpoint.parse(text.trim()), "missing newline");
        assertThrows(IllegalArgumentException.class, () -> SignedCheckpoint.parse(text.replace("{\"checkpoint\":", "{ \"checkpoint\":")), "extra space");
        assertThrows(IllegalArgumentException.class, () -> SignedCheckpoint.parse(text.replace("\"signer\":\"log\"", "\"signer\":\"Log\"")));
        assertTrue(signed.fileName().matches("checkpoint-0{10}17\\.json"), signed.fileName());
    }

    @Test
    void keysAreStoredAsPemAndReadBackExactly(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyFiles.generate();
        KeyFiles.writePair(pair, dir, "log");
        String pub = Files.readString(dir.resolve("log.pub"));
        assertTrue(pub.startsWith("-----BEGIN PUBLIC KEY-----\n") && pub.endsWith("-----END PUBLIC KEY-----\n"), pub);
        assertTrue(Files.readString(dir.resolve("log.key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("log.key"))));
        }
        KeyPair back = KeyFiles.readPair(dir, "log");
        assertEquals(pair.getPublic(), back.getPublic());
        assertEquals(KeyFiles.keyId(pair.getPublic()), KeyFiles.keyId(back.getPublic()));
        // Signing with the key read back verifies with the key as generated.
        Checkpoint cp = Checkpoint.of(ORIGIN, Fixtures.ledger().entries(), AT);
        assertTrue(CheckpointSigner.sign(cp, "log", back).signatures().getFirst().verifies(cp, pair.getPublic()));
        // A hand-edited key file is refused rather than read leniently.
        assertThrows(IllegalArgumentException.class, () -> KeyFiles.parsePublicPem(pub.replace("\n-----END", "\n\n-----END")));
        assertThrows(IllegalArgumentException.class, () -> KeyFiles.parsePublicPem(pub.replace("-----BEGIN PUBLIC KEY-----\n", "-----BEGIN PUBLIC KEY-----\n ")));
    }

    @Test
    void aMismatchedKeyPairIsRefusedAtSigningTime() {
        KeyPair a = KeyFiles.generate();
        KeyPair b = KeyFiles.generate();
        Checkpoint cp = Checkpoint.of(ORIGIN, Fixtures.ledger().entries(), AT);
        assertThrows(IllegalArgumentException.class, () -> CheckpointSigner.sign(cp, "log", new KeyPair(a.getPublic(), b.getPrivate())));
    }

    @Test
    void theRegulatorCosignsAGrownLogButRefusesARewrittenOne() {
        KeyPair log = KeyFiles.generate();
        KeyPair regulator = KeyFiles.generate();
        List<LedgerEntry> entries = Fixtures.ledger().entries();
        List<LedgerEntry> early = entries.subList(0, 5);
        Checkpoint seen = Checkpoint.of(ORIGIN, early, AT);
        SignedCheckpoint latest = CheckpointSigner.sign(Checkpoint.of(ORIGIN, entries, AT.plusSeconds(60)), "log", log);
        MerkleTree tree = MerkleTree.ofLedger(entries);

        SignedCheckpoint cosigned = CheckpointSigner.cosignIfConsistent(latest, seen, tree.consistencyProof(5, entries.size()), "regulator", regulator);
        assertEquals(2, cosigned.signatures().size());

        // The operator rewrites entry 4 (a ballot) and re-chains everything after it: the old checkpoint no longer fits.
        List<LedgerEntry> forged = new ArrayList<>();
        LedgerEntry previous = null;
        for (LedgerEntry e : entries) {
            String payload = e.seq() == 4 ? e.payload().replace("0.6", "0.7") : e.payload();
            previous = HashChain.next(previous, e.kind(), payload);
            forged.add(previous);
        }
        assertFalse(forged.get(4).payload().equals(entries.get(4).payload()), "the forgery changed the ballot");
        MerkleTree forgedTree = MerkleTree.ofLedger(forged);
        SignedCheckpoint forgedLatest = CheckpointSigner.sign(Checkpoint.of(ORIGIN, forged, AT.plusSeconds(60)), "log", log);
        assertThrows(IllegalArgumentException.class, () -> CheckpointSigner.cosignIfConsistent(forgedLatest, seen,
                forgedTree.consistencyProof(5, forged.size()), "regulator", regulator));
        assertThrows(IllegalArgumentException.class, () -> CheckpointSigner.cosignIfConsistent(latest,
                new Checkpoint("other.example/log", seen.size(), seen.rootHash(), seen.timestamp()),
                tree.consistencyProof(5, entries.size()), "regulator", regulator), "another origin");
    }

    @Test
    void malformedCheckpointsAreRefused() {
        String root = "ab".repeat(32);
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("has space", 1, root, AT.toString()));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, -1, root, AT.toString()));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, 1, root.toUpperCase(), AT.toString()));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, 1, root, "2026-11-23T10:00:00.000Z"));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSignature("log", root, "AAAA"));
    }
}

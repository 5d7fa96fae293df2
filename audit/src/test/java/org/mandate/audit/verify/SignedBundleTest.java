package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.checkpoint.Checkpoint;
import org.mandate.audit.checkpoint.CheckpointSigner;
import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.objectives.json.CanonicalJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedBundleTest {

    static String lines(Verdict v) {
        return String.join("\n", BundleVerifier.lines(v));
    }

    static boolean hasPassing(Verdict v, String name) {
        return v.checks().stream().anyMatch(c -> c.passed() && c.name().startsWith(name));
    }

    static Check failure(Verdict v, String name) {
        return v.failures().stream().filter(c -> c.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no failing check named " + name + " in\n" + lines(v)));
    }

    @Test
    void aCompleteSignedBundleVerifiesWithAndWithoutTrustAnchors(@TempDir Path dir) {
        SignedBundle b = SignedBundle.write(dir);
        String receipt = ((BallotCast) org.mandate.audit.ledger.LedgerEvent.parse(b.entries().get(2))).receipt();

        Verdict plain = BundleVerifier.verify(dir, receipt);
        assertTrue(plain.passed(), () -> lines(plain));
        for (String name : List.of("ledger file", "checkpoint checkpoints/checkpoint-000000000006.json",
                "checkpoint checkpoints/checkpoint-000000000011.json", "keys", "signed head", "inclusion", "model runs/voted", "report")) {
            assertTrue(hasPassing(plain, name), () -> name + " missing in\n" + lines(plain));
        }
        assertTrue(plain.checks().getLast().name().equals("receipt"), "the receipt line stays last");
        assertTrue(lines(plain).contains(KeyFiles.keyId(b.regulator().getPublic())), "fingerprints are printed for comparison");

        Verdict anchored = BundleVerifier.verify(dir, null, b.trusting(b.afterVotes()));
        assertTrue(anchored.passed(), () -> lines(anchored));
        assertTrue(hasPassing(anchored, "consistency with your checkpoint"), () -> lines(anchored));
    }

    @Test
    void anOptionsFileRoundTrip(@TempDir Path dir, @TempDir Path mine) {
        SignedBundle b = SignedBundle.write(dir);
        b.afterVotes().write(mine.resolve("seen.json"));
        KeyFiles.writePublic(b.log().getPublic(), mine.resolve("keys").resolve("log.pub"));
        VerifyOptions options = VerifyOptions.of(mine.resolve("seen.json"), mine.resolve("keys"));
        assertEquals(b.afterVotes(), options.previous());
        assertEquals(Map.of("log", b.log().getPublic()), options.trustedKeys());
        Verdict v = BundleVerifier.verify(dir, null, options);
        assertTrue(v.passed(), () -> lines(v));
    }

    /**
     * The operator rewrites a ballot, recomputes the chain, the tally and every hash, and re-signs with its
     * own key. Only a party outside its control notices: the regulator's co-signature no longer verifies, and
     * the checkpoint a citizen kept after the vote is inconsistent with the new log.
     */
    @Test
    void aRewrittenAndReSignedLogIsCaughtByTheCosignerAndByAKeptCheckpoint(@TempDir Path honestDir, @TempDir Path dir) throws Exception {
        SignedBundle honest = SignedBundle.write(honestDir);
        SignedBundle b = SignedBundle.write(dir, honest.log(), honest.regulator());
        List<LedgerEntry> forged = new ArrayList<>();
        LedgerEntry previous = null;
        for (LedgerEntry e : b.entries()) {
            String payload = e.seq() == 0
                    ? new BallotCast(1, "v0", 1, BundleVerifierTest.weights(70, 20, 10), SignedBundle.AT).canonicalJson()
                    : e.payload();
            previous = HashChain.next(previous, e.kind(), payload);
            forged.add(previous);
        }
        LedgerFile.write(forged, dir.resolve(LedgerFile.NAME));
        Ledger forgedLedger = Ledger.of(forged);
        // The operator re-signs both checkpoints with its key and copies the regulator's old signature over.
        for (SignedCheckpoint old : List.of(b.afterVotes(), b.head())) {
            Checkpoint c = Checkpoint.of(SignedBundle.ORIGIN, forged.subList(0, (int) old.checkpoint().size()), Instant(old));
            SignedCheckpoint resigned = CheckpointSigner.sign(c, "log", b.log());
            if (old.signatureOf("regulator").isPresent()) resigned = resigned.with(old.signatureOf("regulator").get());
            BundleLayout.writeCheckpoint(dir, resigned);
        }
        assertTrue(forgedLedger.verify().ok(), "the forged chain is internally consistent");

        Verdict v = BundleVerifier.verify(dir, null, b.trusting(honest.afterVotes()));
        assertFalse(v.passed());
        assertTrue(failure(v, "checkpoint checkpoints/checkpoint-000000000011.json").detail().contains("signature of regulator does not verify"), () -> lines(v));
        assertTrue(failure(v, "consistency with your checkpoint").detail().contains("rewritten"), () -> lines(v));
        assertTrue(failure(v, "signed head").detail().contains("regulator"), () -> lines(v));
    }

    private static java.time.Instant Instant(SignedCheckpoint cp) {
        return java.time.Instant.parse(cp.checkpoint().timestamp());
    }

    /** CRLF line ends parse to the same entries and the same chain, but they are not the bytes the signed root commits to. */
    @Test
    void aLedgerFileInAnotherSpellingFailsEvenThoughItsEntriesParseTheSame(@TempDir Path dir) throws Exception {
        SignedBundle.write(dir);
        Path file = dir.resolve(LedgerFile.NAME);
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
        assertEquals(11, LedgerFile.read(file).size());
        Verdict v = BundleVerifier.verify(dir, null);
        assertEquals(List.of("ledger file"), v.failures().stream().map(Check::name).toList(), () -> lines(v));
    }

    @Test
    void entriesAppendedAfterTheLatestCheckpointAreNotProven(@TempDir Path dir) {
        SignedBundle b = SignedBundle.write(dir);
        Ledger ledger = Ledger.of(b.entries());
        ledger.append("panel_closed", "{\"panel\":1}");
        LedgerFile.write(ledger.entries(), dir.resolve(LedgerFile.NAME));
        Verdict v = BundleVerifier.verify(dir, null);
        assertTrue(failure(v, "inclusion").detail().contains("entries 11..11 are not under any signed root"), () -> lines(v));
    }

    @Test
    void keysThatAreNotTheTrustedOnesOrSignNothingFail(@TempDir Path dir) {
        SignedBundle b = SignedBundle.write(dir);
        var stranger = KeyFiles.generate();
        Verdict v = BundleVerifier.verify(dir, null, new VerifyOptions(null, Map.of("regulator", stranger.getPublic())));
        assertTrue(failure(v, "keys").detail().contains("not the key you trust for regulator"), () -> lines(v));
        assertTrue(failure(v, "signed head").detail().contains("regulator"), () -> lines(v));

        BundleLayout.writeKey(dir, "witness", stranger.getPublic());
        Verdict unused = BundleVerifier.verify(dir, null);
        assertTrue(failure(unused, "keys").detail().contains("witness.pub signed no checkpoint"), () -> lines(unused));
    }

    @Test
    void aModelFileOrManifestThatIsNotTheRecordedOneFails(@TempDir Path dir) throws Exception {
        SignedBundle b = SignedBundle.write(dir);
        Path run = dir.resolve("runs").resolve("voted");
        Files.write(run.resolve("parameters.bin"), new byte[] {1, 2, 3});
        assertTrue(failure(BundleVerifier.verify(dir, null), "model runs/voted").detail().contains("parameters.bin hashes to"));

        Files.writeString(run.resolve("manifest.json"), CanonicalJson.write(Map.of("seed", 43)));
        assertTrue(failure(BundleVerifier.verify(dir, null), "model runs/voted").detail().contains("the manifest of no training run"));

        Files.delete(run.resolve("parameters.bin"));
        assertTrue(failure(BundleVerifier.verify(dir, null), "model runs/voted").detail().contains("has no parameters.bin"));
    }

    @Test
    void aManifestNamingAnotherMandateThanItsRunFails() {
        Ledger ledger = BundleVerifierTest.honestLedger();
        List<LedgerEntry> entries = ledger.entries();
        TrainingRunRecorded run = (TrainingRunRecorded) org.mandate.audit.ledger.LedgerEvent.parse(entries.get(entries.size() - 2));
        Ledger doctored = Ledger.of(entries.subList(0, entries.size() - 2));
        doctored.append(new TrainingRunRecorded("voted", run.mandateHash(), Map.of("mandate_sha256", "ab".repeat(32))));
        Verdict v = BundleVerifier.verify(doctored.entries(), null);
        assertTrue(failure(v, "training run 'voted'").detail().contains("its manifest names"), () -> lines(v));
    }

    /**
     * Any single changed byte anywhere in the bundle — ledger, report, checkpoints, keys, manifest, model —
     * makes verification fail. Files are picked uniformly, so each gets well over a hundred mutations.
     */
    @Test
    void everySingleByteMutationAnywhereInTheBundleIsDetected(@TempDir Path dir) throws Exception {
        SignedBundle b = SignedBundle.write(dir);
        assertTrue(BundleVerifier.verify(dir, null, b.trusting(b.afterVotes())).passed());
        List<Path> files = b.files();
        assertEquals(List.of("checkpoints/checkpoint-000000000006.json", "checkpoints/checkpoint-000000000011.json", "keys/log.pub",
                "keys/regulator.pub", "ledger.jsonl", "report.json", "runs/voted/manifest.json", "runs/voted/parameters.bin"),
                files.stream().map(p -> p.toString().replace('\\', '/')).toList());
        Random random = new Random(20261123);
        int mutations = 1200;
        Map<Path, Integer> perFile = new TreeMap<>();
        List<String> undetected = new ArrayList<>();
        for (int i = 0; i < mutations; i++) {
            Path file = dir.resolve(files.get(random.nextInt(files.size())));
            byte[] original = Files.readAllBytes(file);
            byte[] mutated = original.clone();
            int at = random.nextInt(mutated.length);
            mutated[at] ^= (byte) (1 + random.nextInt(255));
            Files.write(file, mutated);
            // Without trust anchors: the bundle alone must expose the change.
            if (BundleVerifier.verify(dir, null).passed()) undetected.add(dir.relativize(file) + " byte " + at);
            Files.write(file, original);
            perFile.merge(dir.relativize(file), 1, Integer::sum);
        }
        assertTrue(undetected.isEmpty(), () -> undetected.size() + " undetected mutations: " + undetected);
        assertEquals(files.size(), perFile.size());
        perFile.forEach((f, n) -> assertTrue(n >= 100, f + " mutated only " + n + " times"));
        assertTrue(BundleVerifier.verify(dir, null).passed(), "restored bundle verifies again");
    }
}

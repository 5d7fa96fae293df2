package org.mandate.bench;

import org.mandate.audit.checkpoint.Checkpoint;
import org.mandate.audit.checkpoint.CheckpointSigner;
import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.verify.BundleLayout;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.audit.verify.Verdict;
import org.openjdk.jmh.annotations.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Target: {@code verify} of a bundle with 100,000 ballots in ≤ 10 s. Untimed (setup): a bundle directory with
 * {@code ledger.jsonl} (100,000 ballot entries, one per voter, then the tally and the mandate), a checkpoint
 * over the whole ledger signed by the log, and the log's public key. Timed: {@link BundleVerifier#verify(Path, String)}
 * end to end — reading and parsing the file, the hash chain, every event, the tally recount, the mandate, the
 * checkpoint signature, the Merkle root and the inclusion proof of every entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class VerifyBundleBenchmark {

    static final String ORIGIN = "mandate.example/bench";

    @Param({"100000"})
    int ballots;

    Path bundle;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<LedgerEntry> entries = BenchLedgers.panel(ballots, 11).ledger().entries();
        bundle = Files.createTempDirectory("mandate-verify-bench");
        LedgerFile.write(entries, bundle.resolve(LedgerFile.NAME));
        KeyPair log = KeyFiles.generate();
        SignedCheckpoint head = CheckpointSigner.sign(Checkpoint.of(ORIGIN, entries, BenchLedgers.START.plusSeconds(86_400)), "log", log);
        BundleLayout.writeCheckpoint(bundle, head);
        BundleLayout.writeKey(bundle, "log", log.getPublic());
        Verdict once = BundleVerifier.verify(bundle, null);
        if (!once.passed()) {
            throw new IllegalStateException("the benchmark bundle does not verify:\n" + String.join("\n", BundleVerifier.lines(once)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var walk = Files.walk(bundle)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Verdict verify() {
        return BundleVerifier.verify(bundle, null);
    }
}

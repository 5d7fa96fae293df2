package org.mandate.audit.verify;

import org.mandate.audit.checkpoint.Checkpoint;
import org.mandate.audit.checkpoint.CheckpointSigner;
import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.ReportPublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.audit.merkle.MerkleTree;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A complete bundle as the demo should export it: ledger, report, a checkpoint signed by the log after the
 * votes, a final checkpoint signed by the log and co-signed by the regulator, both public keys, and one model
 * artifact whose manifest is the one the ledger recorded.
 */
record SignedBundle(Path dir, List<LedgerEntry> entries, KeyPair log, KeyPair regulator, SignedCheckpoint afterVotes,
                    SignedCheckpoint head, Mandate mandate) {

    static final String ORIGIN = "mandate.example/panel-1";
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final int VOTES = 6;

    static SignedBundle write(Path dir) {
        return write(dir, KeyFiles.generate(), KeyFiles.generate());
    }

    static SignedBundle write(Path dir, KeyPair log, KeyPair regulator) {
        try {
            Ledger ledger = new Ledger();
            List<WeightBallot> counted = new ArrayList<>();
            ledger.append(new BallotCast(1, "v0", 1, BundleVerifierTest.weights(80, 10, 10), AT));
            for (int v = 0; v < 5; v++) {
                TreeMap<String, Double> w = BundleVerifierTest.weights(50 - 5 * v, 25 + 5 * v, 25);
                ledger.append(new BallotCast(1, "v" + v, v == 0 ? 2 : 1, w, AT.plusSeconds(v + 1)));
                counted.add(new WeightBallot("v" + v, w));
            }
            SignedCheckpoint afterVotes = CheckpointSigner.sign(Checkpoint.of(ORIGIN, ledger.entries(), AT.plusSeconds(10)), "log", log);

            TallyRecord tally = Tally.run(counted, ObjectiveMenu.of("relevance", "novelty", "provider_fairness"), new IndependentMarketsRule());
            ledger.append(new TallyComputed(1, tally));
            Mandate mandate = Mandate.fromTally(tally, List.of(), DataUseRules.NONE, null, "panel 1");
            ledger.append(new MandatePublished(1, mandate));

            byte[] parameters = new byte[2048];
            new Random(42).nextBytes(parameters);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schema_version", 1);
            manifest.put("mandate_sha256", mandate.sha256());
            manifest.put("seed", 42L);
            manifest.put("model_sha256", CanonicalJson.sha256Hex(parameters));
            Path run = dir.resolve("runs").resolve("voted");
            Files.createDirectories(run);
            Files.write(run.resolve("parameters.bin"), parameters);
            Files.writeString(run.resolve("manifest.json"), CanonicalJson.write(manifest));
            ledger.append(new TrainingRunRecorded("voted mandate", mandate.sha256(), manifest));
            ledger.append(new EvaluationRecorded("voted mandate", mandate.sha256(),
                    new TreeMap<>(Map.of("novelty", new MetricValue("novelty", "self_information@10", 9.5, new TreeMap<>())))));

            String report = CanonicalJson.write(Map.of("schema_version", 1, "title", "Panel 1", "mandate", Map.of("hash", mandate.sha256())));
            Files.writeString(dir.resolve("report.json"), report);
            ledger.append(new ReportPublished(CanonicalJson.sha256Hex(report.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

            List<LedgerEntry> entries = ledger.entries();
            LedgerFile.write(entries, dir.resolve(LedgerFile.NAME));
            SignedCheckpoint head = CheckpointSigner.sign(Checkpoint.of(ORIGIN, entries, AT.plusSeconds(60)), "log", log);
            head = CheckpointSigner.cosignIfConsistent(head, afterVotes.checkpoint(),
                    MerkleTree.ofLedger(entries).consistencyProof(VOTES, entries.size()), "regulator", regulator);
            BundleLayout.writeCheckpoint(dir, afterVotes);
            BundleLayout.writeCheckpoint(dir, head);
            BundleLayout.writeKey(dir, "log", log.getPublic());
            BundleLayout.writeKey(dir, "regulator", regulator.getPublic());
            return new SignedBundle(dir, entries, log, regulator, afterVotes, head, mandate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the bundle, relative paths in a stable order. */
    List<Path> files() {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    VerifyOptions trusting(SignedCheckpoint previous) {
        return new VerifyOptions(previous, Map.of("log", log.getPublic(), "regulator", regulator.getPublic()));
    }
}

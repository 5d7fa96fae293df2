package org.mandate.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.deliberation.db.Database;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole demo at reduced size against the embedded PostgreSQL: real ballots through the services,
 * real DL4J training, the real ledger and report. One run serves every assertion (it is the slow part).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class DemoPipelineTest {

    @TempDir
    static Path dir;

    Database db;
    DemoPipeline.Result result;
    String printed;

    @BeforeAll
    void runDemo() {
        db = Database.embedded(dir.resolve("pg"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DemoConfig config = new DemoConfig(dir.resolve("out"), 60, 900, 400, 8, 3, "independent_markets", 7);
        result = new DemoPipeline(db, config, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void everyBallotIsCountedAndTheMandateComesFromTheTally() {
        assertEquals(60, result.tally().tally().ballotCount());
        assertEquals(result.tally().tally().sha256(), result.tally().mandate().provenance().tallyHash());
        assertTrue(result.tally().mandate().weight(Novelty.ID) > 0.1, "the discovery group is heard");
        assertTrue(result.tally().mandate().weight(ProviderFairness.ID) > 0.1, "the fair-share group is heard");
    }

    @Test
    void theVotedModelMovesEachMetricTheWayItsWeightAsks() {
        double noveltyBefore = result.baseline().evaluation().value(Novelty.ID);
        double noveltyAfter = result.voted().evaluation().value(Novelty.ID);
        double distanceBefore = result.baseline().evaluation().value(ProviderFairness.ID);
        double distanceAfter = result.voted().evaluation().value(ProviderFairness.ID);
        assertTrue(noveltyAfter > noveltyBefore, "novelty " + noveltyBefore + " -> " + noveltyAfter);
        assertTrue(distanceAfter < distanceBefore, "exposure distance " + distanceBefore + " -> " + distanceAfter);
    }

    @Test
    void theExportedBundleVerifiesOfflineAndTheReportIsWritten() throws Exception {
        assertTrue(result.verdict().passed(), () -> String.join("\n", BundleVerifier.lines(result.verdict())));
        String html = Files.readString(result.report().indexHtml());
        assertTrue(html.contains("<svg"), "the report has a chart");
        assertTrue(html.contains("provider_fairness") || html.contains("Fair exposure"));
        assertTrue(printed.contains("[8/8]"), printed);
        assertTrue(printed.contains("PASS tally of panel"), printed);
        assertTrue(result.verdict().checks().stream().anyMatch(c -> c.passed() && c.name().equals("re-evaluation of runs/voted")),
                "the published model is re-run on the published evaluation data");
    }

    @Test
    void aDoctoredEvaluationDataFileIsCaughtByReRunningTheModels() throws Exception {
        Path copy = dir.resolve("doctored");
        try (var files = Files.walk(result.bundle())) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(result.bundle().relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to); else Files.copy(from, to);
            }
        }
        Path data = copy.resolve(EvaluationDataFile.NAME);
        // Claim that the first held-out user watched what the second did: the recorded NDCG no longer follows.
        var json = org.mandate.objectives.json.Json.parseObject(Files.readString(data));
        var users = (java.util.List<Object>) json.get("users");
        ((java.util.Map<String, Object>) users.get(0)).put("held_out", ((java.util.Map<?, ?>) users.get(1)).get("held_out"));
        Files.writeString(data, org.mandate.objectives.json.CanonicalJson.write(json));
        var verdict = BundleCheck.run(copy, null, org.mandate.audit.verify.VerifyOptions.NONE);
        assertFalse(verdict.passed());
        assertTrue(verdict.failures().stream().allMatch(c -> c.name().startsWith("re-evaluation")), () -> BundleVerifier.lines(verdict).toString());
    }

    @Test
    void flippingOneByteOfAStoredEntryMakesVerificationFail() throws Exception {
        LedgerStore ledger = new LedgerStore(db.jdbi());
        assertTrue(ledger.verify().ok());
        long seq = result.tally().tallyEntry().seq();
        // An attacker with database superuser rights bypasses the append-only triggers ...
        db.jdbi().useHandle(h -> {
            h.execute("ALTER TABLE ledger DISABLE TRIGGER ALL");
            h.execute("UPDATE ledger SET payload = overlay(payload placing chr(ascii(substr(payload, 20, 1)) # 1) from 20 for 1) WHERE seq = ?", seq);
            h.execute("ALTER TABLE ledger ENABLE TRIGGER ALL");
        });
        // ... and the chain names the entry they touched, in the database and in a fresh export.
        ChainVerification broken = ledger.verify();
        assertFalse(broken.ok());
        assertEquals(seq, broken.firstBadSeq());
        Path bundle = dir.resolve("tampered");
        LedgerFile.write(ledger.entries(), bundle.resolve(LedgerFile.NAME));
        assertFalse(BundleVerifier.verify(bundle, null).passed());
    }
}

package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleVerifierTest {

    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty", "provider_fairness");

    /** A panel of five: ballots (voter 0 revises once), tally, mandate, a run and its evaluation. */
    static Ledger honestLedger() {
        Ledger ledger = new Ledger();
        List<WeightBallot> counted = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        ledger.append(new BallotCast(1, "v0", 1, weights(80, 10, 10), t));
        for (int v = 0; v < 5; v++) {
            TreeMap<String, Double> w = weights(50 - 5 * v, 25 + 5 * v, 25);
            ledger.append(new BallotCast(1, "v" + v, v == 0 ? 2 : 1, w, t.plusSeconds(v + 1)));
            counted.add(new WeightBallot("v" + v, w));
        }
        TallyRecord tally = Tally.run(counted, MENU, new IndependentMarketsRule());
        ledger.append(new TallyComputed(1, tally));
        Mandate mandate = Mandate.fromTally(tally, List.of(), DataUseRules.NONE, null, "panel 1");
        ledger.append(new MandatePublished(1, mandate));
        ledger.append(new TrainingRunRecorded("voted", mandate.sha256(), Map.of("seed", 42)));
        TreeMap<String, MetricValue> metrics = new TreeMap<>(Map.of("novelty", new MetricValue("novelty", "self_information@10", 9.5, new TreeMap<>())));
        ledger.append(new EvaluationRecorded("voted", mandate.sha256(), metrics));
        return ledger;
    }

    static TreeMap<String, Double> weights(double relevance, double novelty, double fairness) {
        return new TreeMap<>(Map.of("relevance", relevance / 100, "novelty", novelty / 100, "provider_fairness", fairness / 100));
    }

    @Test
    void anHonestBundleVerifiesAndAReceiptIsFound(@TempDir Path dir) {
        Ledger ledger = honestLedger();
        LedgerFile.write(ledger.entries(), dir.resolve(LedgerFile.NAME));
        String receipt = ((BallotCast) org.mandate.audit.ledger.LedgerEvent.parse(ledger.entries().get(2))).receipt();
        Verdict verdict = BundleVerifier.verify(dir, receipt);
        assertTrue(verdict.passed(), () -> String.join("\n", BundleVerifier.lines(verdict)));
        String receiptLine = verdict.checks().getLast().line();
        assertTrue(receiptLine.contains("the recomputed tally includes it"), receiptLine);
    }

    @Test
    void aReplacedBallotVersionIsReportedAsNotCounting() {
        Ledger ledger = honestLedger();
        String first = ((BallotCast) org.mandate.audit.ledger.LedgerEvent.parse(ledger.entries().getFirst())).receipt();
        Verdict verdict = BundleVerifier.verify(ledger.entries(), first);
        assertTrue(verdict.passed());
        assertTrue(verdict.checks().getLast().detail().contains("a later version"));
        assertFalse(BundleVerifier.verify(ledger.entries(), "0".repeat(64)).passed(), "an unknown receipt fails");
    }

    @Test
    void aServerThatRewritesABallotAndRehashesTheWholeChainIsCaughtByTheRecount() {
        List<LedgerEntry> honest = honestLedger().entries();
        // The attacker changes v3's ballot and rebuilds a perfectly consistent chain over it.
        List<LedgerEntry> forged = new ArrayList<>();
        LedgerEntry previous = null;
        for (LedgerEntry e : honest) {
            String payload = e.payload();
            if (e.seq() == 4) {
                payload = new BallotCast(1, "v3", 1, weights(100, 0, 0), Instant.parse("2026-11-23T10:00:04Z")).canonicalJson();
            }
            previous = HashChain.next(previous, e.kind(), payload);
            forged.add(previous);
        }
        Verdict verdict = BundleVerifier.verify(forged, null);
        assertFalse(verdict.passed());
        assertEquals(1, verdict.failures().size(), () -> String.join("\n", BundleVerifier.lines(verdict)));
        assertTrue(verdict.failures().getFirst().name().startsWith("tally of panel 1"));
    }

    @Test
    void aFlippedByteInTheFileFailsVerification(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LedgerFile.NAME);
        LedgerFile.write(honestLedger().entries(), file);
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes).indexOf("provider_fairness") + 3;
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
        assertFalse(BundleVerifier.verify(dir, null).passed());
    }

    @Test
    void aMandateThatDoesNotMatchItsTallyOrARunUnderAnUnpublishedMandateFails() {
        List<LedgerEntry> entries = new ArrayList<>(honestLedger().entries().subList(0, 7)); // ballots + tally
        Ledger ledger = Ledger.of(entries);
        TallyRecord tally = ((TallyComputed) org.mandate.audit.ledger.LedgerEvent.parse(entries.getLast())).tally();
        Mandate doctored = new Mandate(new TreeMap<>(Map.of("relevance", 1.0)), List.of(), DataUseRules.NONE, null,
                new org.mandate.objectives.mandate.Provenance(tally.sha256(), "panel 1"));
        ledger.append(new MandatePublished(1, doctored));
        ledger.append(new TrainingRunRecorded("secret", "f".repeat(64), Map.of()));
        Verdict verdict = BundleVerifier.verify(ledger.entries(), null);
        assertEquals(2, verdict.failures().size(), () -> String.join("\n", BundleVerifier.lines(verdict)));
    }

    @Test
    void aMissingLedgerFileIsAClearFailure(@TempDir Path dir) {
        Verdict verdict = BundleVerifier.verify(dir, null);
        assertFalse(verdict.passed());
        assertTrue(verdict.checks().getFirst().detail().contains("no ledger.jsonl"));
    }
}

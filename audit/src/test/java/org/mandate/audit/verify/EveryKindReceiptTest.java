package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.BallotEntry;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.SweepPublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TallyDetails;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verify --receipt} finds a ballot of any kind; every entry of the new kinds is covered by the chain and its own recomputation. */
class EveryKindReceiptTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    /** A panel voting weights, floors and approvals, with a sweep upload, a revised floors ballot and a tally. */
    static Ledger ledger() {
        Ledger ledger = new Ledger();
        ledger.append(new PanelConfigured(1, "Panel 1", BundleVerifierTest.MENU.objectives(), List.of("weights", "floors", "approval"), "independent_markets", 1,
                Map.of(), true, List.of("learn", "deliberate", "vote", "closed"), MemberSelection.undeclared(), T.toString()));
        ledger.append(new VoteSettingsFixed(1, Map.of("kinds", List.of("weights", "floors", "approval"),
                "items", List.of(Map.of("id", "no_age", "label", "Do not use age", "forbid_attribute", "age")), "quorum", 0.0, "majority", 0.5)));
        ledger.append(new SweepPublished(1, "5a".repeat(32), "mandate-sweep/1", BundleVerifierTest.MENU.objectives(), 0.5, 6, "v-org"));
        ledger.append(new PhaseChanged(1, "learn", "deliberate", T.plusSeconds(60)));
        ledger.append(new PhaseChanged(1, "deliberate", "vote", T.plusSeconds(120)));
        List<BallotCast> counted = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            BallotCast b = new BallotCast(1, "v" + v, 1, BundleVerifierTest.weights(50 - 5 * v, 25 + 5 * v, 25), T.plusSeconds(200 + v));
            ledger.append(b);
            counted.add(b);
            ledger.append(new KindBallotCast(1, "v" + v, 1, "floors", Map.of("novelty", 0.1 * v), T.plusSeconds(210 + v)));
            ledger.append(new KindBallotCast(1, "v" + v, 1, "approval", Map.of("no_age", v != 3), T.plusSeconds(220 + v)));
        }
        ledger.append(new KindBallotCast(1, "v0", 2, "floors", Map.of("novelty", 0.2), T.plusSeconds(230)));
        ledger.append(new PhaseChanged(1, "vote", "closed", T.plusSeconds(300)));
        ledger.append(new TallyDetails(1, Map.of("delegation", Map.of(), "approval", Map.of("ballot_count", 4,
                "items", List.of(Map.of("item", "no_age", "yes", 3.0, "no", 1.0, "abstained", 0.0, "quorum_met", true, "passed", true))))));
        List<WeightBallot> ballots = counted.stream().map(b -> new WeightBallot(b.voter(), b.weights())).toList();
        TallyRecord tally = Tally.run(ballots, BundleVerifierTest.MENU, new IndependentMarketsRule());
        ledger.append(TallyComputed.of(1, tally, counted));
        return ledger;
    }

    private static String receiptOf(Ledger ledger, String kind, String voter, int version) {
        for (LedgerEntry e : ledger.entries()) {
            if (LedgerEvent.isModelled(e.kind()) && LedgerEvent.parse(e) instanceof BallotEntry b
                    && b.ballotKind().equals(kind) && b.voter().equals(voter) && b.version() == version) return b.receipt();
        }
        throw new AssertionError("no " + kind + " ballot of " + voter);
    }

    @Test
    void aReceiptOfEveryKindIsFoundWithItsStatus() {
        Ledger ledger = ledger();
        Verdict all = BundleVerifier.verify(ledger.entries(), null);
        assertTrue(all.passed(), () -> String.join("\n", BundleVerifier.lines(all)));

        Check weights = BundleVerifier.verify(ledger.entries(), receiptOf(ledger, "weights", "v1", 1)).checks().getLast();
        assertTrue(weights.passed() && weights.detail().contains("inclusion proof"), weights.line());
        Check floors = BundleVerifier.verify(ledger.entries(), receiptOf(ledger, "floors", "v0", 2)).checks().getLast();
        assertTrue(floors.passed() && floors.detail().startsWith("floors ballot") && floors.detail().contains("version that counts"), floors.line());
        Check replaced = BundleVerifier.verify(ledger.entries(), receiptOf(ledger, "floors", "v0", 1)).checks().getLast();
        assertTrue(replaced.passed() && replaced.detail().contains("later version"), replaced.line());
        Check approval = BundleVerifier.verify(ledger.entries(), receiptOf(ledger, "approval", "v3", 1)).checks().getLast();
        assertTrue(approval.passed() && approval.detail().startsWith("approval ballot"), approval.line());
        Check unknown = BundleVerifier.verify(ledger.entries(), "0".repeat(64)).checks().getLast();
        assertFalse(unknown.passed(), unknown.line());
    }

    @Test
    void aRankingBallotOfAnUntalliedPanelIsFound() {
        Ledger ledger = ledger();
        KindBallotCast ranking = new KindBallotCast(2, "w1", 1, "ranking", List.of(List.of("a"), List.of("b")), T.plusSeconds(400));
        ledger.append(ranking);
        Check c = BundleVerifier.verify(ledger.entries(), ranking.receipt()).checks().getLast();
        assertTrue(c.passed() && c.detail().contains("has not been tallied yet"), c.line());
    }

    @Test
    void changingOneByteOfAnyEntryIsDetected() {
        List<LedgerEntry> honest = ledger().entries();
        for (int i = 0; i < honest.size(); i++) {
            LedgerEntry e = honest.get(i);
            // Flip one character inside the payload's content (not the brackets), keeping it JSON where possible.
            String p = e.payload();
            int at = p.indexOf(':') + 2;
            char c = p.charAt(at);
            String mutated = p.substring(0, at) + (char) (c == 'x' ? 'y' : c == '0' ? '1' : c == '1' ? '2' : c + 1) + p.substring(at + 1);
            List<LedgerEntry> tampered = new ArrayList<>(honest);
            tampered.set(i, new LedgerEntry(e.seq(), e.kind(), mutated, e.prevHash(), e.hash()));
            Verdict v = BundleVerifier.verify(tampered, null);
            assertFalse(v.passed(), "entry " + i + " (" + e.kind() + ") altered in place");
            assertFalse(v.checks().getFirst().passed(), "the hash chain names it: " + e.kind());

            // A forger who also rewrites every later hash: the typed parse or a recount still catches a content change.
            if (LedgerEvent.parse(e) instanceof BallotEntry) {
                List<LedgerEntry> rechained = new ArrayList<>();
                LedgerEntry prev = null;
                for (int j = 0; j < honest.size(); j++) {
                    LedgerEntry next = HashChain.next(prev, honest.get(j).kind(), j == i ? mutated : honest.get(j).payload());
                    rechained.add(next);
                    prev = next;
                }
                Verdict r = BundleVerifier.verify(rechained, null);
                assertTrue(r.checks().getFirst().passed());
                assertFalse(r.passed(), "a re-chained change of " + e.kind() + " entry " + i + " is still caught: " + BundleVerifier.lines(r));
            }
        }
    }
}

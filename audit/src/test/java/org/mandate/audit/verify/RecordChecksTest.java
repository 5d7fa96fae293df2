package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.StatementModerated;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.MeanRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.WeightRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's checks of the panel's configuration, its phases and the Merkle root of the counted ballots. */
class RecordChecksTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    /** Which step of an honest decision to spoil. */
    enum Fault { NONE, BALLOT_WHILE_DELIBERATING, OTHER_RULE, FORGED_ROOT }

    static Ledger ledger(Fault fault) {
        Ledger ledger = new Ledger();
        ledger.append(new PanelConfigured(1, "Panel 1", BundleVerifierTest.MENU.objectives(), List.of("weights"), "independent_markets", 1, Map.of(),
                false, List.of("learn", "deliberate", "vote", "closed"), MemberSelection.undeclared(), T.toString()));
        ledger.append(new PhaseChanged(1, "learn", "deliberate", T.plusSeconds(60)));
        ledger.append(new StatementModerated(1, 4, "ab".repeat(32), StatementModerated.Action.HIDE, "off topic", "organiser", T.plusSeconds(90).toString()));
        if (fault == Fault.BALLOT_WHILE_DELIBERATING) ledger.append(new BallotCast(1, "v9", 1, BundleVerifierTest.weights(100, 0, 0), T.plusSeconds(100)));
        ledger.append(new PhaseChanged(1, "deliberate", "vote", T.plusSeconds(120)));
        List<BallotCast> counted = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            BallotCast b = new BallotCast(1, "v" + v, 1, BundleVerifierTest.weights(50 - 5 * v, 25 + 5 * v, 25), T.plusSeconds(200 + v));
            ledger.append(b);
            counted.add(b);
        }
        if (fault == Fault.BALLOT_WHILE_DELIBERATING) counted.add(new BallotCast(1, "v9", 1, BundleVerifierTest.weights(100, 0, 0), T.plusSeconds(100)));
        ledger.append(new PhaseChanged(1, "vote", "closed", T.plusSeconds(300)));
        WeightRule rule = fault == Fault.OTHER_RULE ? new MeanRule() : new IndependentMarketsRule();
        List<WeightBallot> ballots = counted.stream().map(b -> new WeightBallot(b.voter(), b.weights())).toList();
        TallyRecord tally = Tally.run(ballots, BundleVerifierTest.MENU, rule);
        TallyComputed computed = TallyComputed.of(1, tally, counted);
        if (fault == Fault.FORGED_ROOT) computed = new TallyComputed(1, tally, "0".repeat(64));
        ledger.append(computed);
        return ledger;
    }

    static Check line(Verdict v, String prefix) {
        return v.checks().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(BundleVerifier.lines(v)));
    }

    @Test
    void anHonestPanelPassesAndAReceiptIsProvenAmongTheCountedBallots() {
        Ledger ledger = ledger(Fault.NONE);
        String receipt = ((BallotCast) org.mandate.audit.ledger.LedgerEvent.parse(ledger.entries().get(5))).receipt();
        Verdict v = BundleVerifier.verify(ledger.entries(), receipt);
        assertTrue(v.passed(), () -> String.join("\n", BundleVerifier.lines(v)));
        assertTrue(line(v, "phases of panel 1").detail().contains("every ballot was cast while voting was open"), line(v, "phases").line());
        assertTrue(line(v, "tally of panel 1").detail().contains("Merkle root of the counted ballots"), line(v, "tally").line());
        assertTrue(line(v, "receipt").detail().contains("inclusion proof"), line(v, "receipt").line());
    }

    @Test
    void aBallotCastOutsideTheVotePhaseIsCaught() {
        Verdict v = BundleVerifier.verify(ledger(Fault.BALLOT_WHILE_DELIBERATING).entries(), null);
        Check phases = line(v, "phases of panel 1");
        assertFalse(phases.passed());
        assertTrue(phases.detail().contains("cast in phase deliberate"), phases.line());
    }

    @Test
    void aTallyWithAnotherRuleThanConfiguredIsCaught() {
        Check tally = line(BundleVerifier.verify(ledger(Fault.OTHER_RULE).entries(), null), "tally of panel 1");
        assertFalse(tally.passed());
        assertTrue(tally.detail().contains("configured with rule independent_markets"), tally.line());
    }

    @Test
    void aForgedBallotsRootIsCaught() {
        Check tally = line(BundleVerifier.verify(ledger(Fault.FORGED_ROOT).entries(), null), "tally of panel 1");
        assertFalse(tally.passed());
        assertTrue(tally.detail().contains("Merkle root"), tally.line());
    }
}

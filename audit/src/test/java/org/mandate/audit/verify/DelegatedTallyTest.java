package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.DelegationChanged;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.MeanRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.VotingRights;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier recomputes a tally with the voting rights the published delegations give. */
class DelegatedTallyTest {

    private static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty");

    private static TreeMap<String, Double> w(double relevance) {
        return new TreeMap<>(Map.of("relevance", relevance, "novelty", 1 - relevance));
    }

    private static Check tallyCheck(List<LedgerEvent> before, VotingRights rights) {
        Ledger ledger = new Ledger();
        List<BallotCast> ballots = List.of(
                new BallotCast(1, "v-aaaaaaaa", 1, w(0.8), "2026-11-23T10:00:00Z"),
                new BallotCast(1, "v-bbbbbbbb", 1, w(0.2), "2026-11-23T10:01:00Z"));
        for (BallotCast b : ballots) ledger.append(b);
        for (LedgerEvent e : before) ledger.append(e);
        TallyRecord record = Tally.run(ballots.stream().map(b -> new WeightBallot(b.voter(), b.weights())).toList(), MENU, new MeanRule(), rights);
        ledger.append(TallyComputed.of(1, record, ballots));
        ledger.append(new MandatePublished(1, Mandate.fromTally(record, List.of(), DataUseRules.NONE, null, "panel 1")));
        List<LedgerEntry> entries = ledger.entries();
        return BundleVerifier.verify(entries, null).checks().stream().filter(c -> c.name().startsWith("tally of panel 1")).findFirst().orElseThrow();
    }

    @Test
    void aDelegatedVoteCountsForItsDelegateAndTheVerifierRecomputesIt() {
        List<LedgerEvent> delegation = List.of(
                new DelegationChanged(1, "v-cccccccc", "v-aaaaaaaa", "2026-11-23T09:00:00Z"),
                new DelegationChanged(1, "v-dddddddd", "v-cccccccc", "2026-11-23T09:01:00Z"));
        // c and d both reach a (d through c): a carries 3 votes, b 1
        Check ok = tallyCheck(delegation, VotingRights.of(Map.of("v-aaaaaaaa", 3, "v-bbbbbbbb", 1)));
        assertTrue(ok.passed(), ok.detail());
        Check ignored = tallyCheck(delegation, VotingRights.equal());
        assertFalse(ignored.passed(), "a tally that ignores published delegations must fail: " + ignored.detail());
    }

    @Test
    void aRevokedDelegationAndAnOwnBallotLeaveEqualRights() {
        List<LedgerEvent> revoked = List.of(
                new DelegationChanged(1, "v-cccccccc", "v-aaaaaaaa", "2026-11-23T09:00:00Z"),
                new DelegationChanged(1, "v-cccccccc", null, "2026-11-23T09:05:00Z"),
                // b voted directly: their own ballot overrides their delegation to a
                new DelegationChanged(1, "v-bbbbbbbb", "v-aaaaaaaa", "2026-11-23T09:06:00Z"));
        Check ok = tallyCheck(revoked, VotingRights.equal());
        assertTrue(ok.passed(), ok.detail());
        Check wrong = tallyCheck(revoked, VotingRights.of(Map.of("v-aaaaaaaa", 2, "v-bbbbbbbb", 1)));
        assertFalse(wrong.passed());
        assertEquals("tally of panel 1", wrong.name().substring(0, "tally of panel 1".length()));
    }
}

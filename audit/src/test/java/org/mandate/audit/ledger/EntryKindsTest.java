package org.mandate.audit.ledger;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.delegation.Delegation;
import org.mandate.objectives.delegation.DelegationOutcome;
import org.mandate.objectives.delegation.LiquidDelegation;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The kinds added to the sealed family: ballots of every kind, vote settings, tally details and sweep uploads. */
class EntryKindsTest {

    private static LedgerEvent roundTrip(LedgerEvent e) {
        LedgerEvent back = LedgerEvent.parse(HashChain.next(null, e.kind(), e.canonicalJson()));
        assertEquals(e, back, e.kind());
        assertEquals(e.canonicalJson(), back.canonicalJson(), e.kind());
        assertEquals(e.canonicalJson(), CanonicalJson.write(Json.parse(e.canonicalJson())), "canonical: " + e.kind());
        return back;
    }

    @Test
    void everyNewRecordRoundTripsThroughItsCanonicalPayload() {
        for (KindBallotCast b : Fixtures.kindBallots()) roundTrip(b);
        roundTrip(Fixtures.voteSettings());
        roundTrip(Fixtures.tallyDetails());
        roundTrip(Fixtures.sweep());
    }

    @Test
    void ballotsOfEveryKindShareOneLayoutAndTheirReceiptIsTheHashOfTheBallot() {
        KindBallotCast ranking = Fixtures.kindBallots().get(5);
        String preimage = "{\"cast_at\":\"2026-11-20T10:00:00Z\",\"kind\":\"ranking\",\"panel\":9,\"ranking\":[[\"p_b\"],[\"p_a\",\"status_quo\"]],\"version\":1,\"voter\":\"v-9z\"}";
        assertEquals(preimage, CanonicalJson.write(ranking.ballot()));
        String receipt = CanonicalJson.sha256Hex(preimage.getBytes(StandardCharsets.UTF_8));
        assertEquals(receipt, ranking.receipt());
        assertEquals("ballot_ranking", ranking.kind());
        assertEquals(preimage.replace("\"version\":", "\"receipt\":\"" + receipt + "\",\"version\":"), ranking.canonicalJson());
        for (KindBallotCast b : Fixtures.kindBallots()) {
            Map<String, Object> json = Json.parseObject(b.canonicalJson());
            assertEquals(Set.of("panel", "voter", "version", "kind", b.field(), "cast_at", "receipt"), json.keySet(), b.kind());
            assertEquals(b.ballotKind(), json.get("kind"));
        }
        // a comparison's preference written 3 or 3.0 is one value with one spelling
        KindBallotCast c = new KindBallotCast(9, "v-9z", 1, "comparison", List.of(Map.of("a", "s1", "b", "s2", "preference", 3.0)), "2026-11-20T10:00:30Z");
        assertEquals(Fixtures.kindBallots().get(6).canonicalJson(), c.canonicalJson());
    }

    @Test
    void aBallotWhoseReceiptOrKindDisagreesWithItsContentIsRefused() {
        for (KindBallotCast b : Fixtures.kindBallots()) {
            String forged = b.canonicalJson().replace(b.receipt(), "0".repeat(64));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, b.kind(), forged)));
            assertTrue(e.getMessage().contains("receipt"), e.getMessage());
            // the same bytes under another ballot kind's entry kind
            String other = b.kind().equals("ballot_floors") ? "ballot_approval" : "ballot_floors";
            assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, other, b.canonicalJson())));
        }
        // a changed vote keeps the old receipt: refused
        KindBallotCast approval = Fixtures.kindBallots().get(2);
        String flipped = approval.canonicalJson().replace("\"no_gender\":true", "\"no_gender\":false");
        assertNotEquals(approval.canonicalJson(), flipped);
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, approval.kind(), flipped)));
    }

    @Test
    void ballotContentOfTheWrongShapeIsRefused() {
        String at = "2026-11-20T10:00:00Z";
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "weights", Map.of("a", 1.0), at), "weights are BallotCast");
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "floors", Map.of("novelty", "high"), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "comparison", List.of(Map.of("a", "s1", "b", "s2", "preference", 11)), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "comparison", List.of(Map.of("a", "s1", "b", "s2", "preference", 1.5)), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "comparison", List.of(), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "ranking", List.of(List.of()), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "ranking", List.of(List.of(3)), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 1, "approval", Map.of("no_age", "yes"), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, "v", 0, "approval", Map.of("no_age", true), at));
        assertThrows(IllegalArgumentException.class, () -> new KindBallotCast(9, " ", 1, "approval", Map.of("no_age", true), at));
        Map<String, Boolean> abstain = new LinkedHashMap<>();
        abstain.put("no_age", null);
        roundTrip(new KindBallotCast(9, "v", 1, "approval", abstain, at));
    }

    @Test
    void voteSettingsTallyDetailsAndSweepsRefuseWhatTheRecordMustNotHold() {
        assertThrows(IllegalArgumentException.class, () -> new VoteSettingsFixed(7, Map.of("kinds", List.of("floors"))), "no primary kind");
        assertThrows(IllegalArgumentException.class, () -> new VoteSettingsFixed(7, Map.of("kinds", List.of("weights", "ranking"))), "two primary kinds");
        assertThrows(IllegalArgumentException.class, () -> new VoteSettingsFixed(7, Map.of("kinds", List.of("weights", "lottery"))));
        assertThrows(IllegalArgumentException.class, () -> new VoteSettingsFixed(7, Map.of()));
        assertEquals("weights", Fixtures.voteSettings().primary());
        assertEquals(Map.of("no_age", "age", "no_gender", "gender"), Fixtures.voteSettings().forbiddenAttributes());
        assertThrows(IllegalArgumentException.class, () -> new TallyDetails(7, Map.of("floors", Map.of())), "the delegation section is always written");
        SweepPublished s = Fixtures.sweep();
        assertEquals(Set.of("panel", "sweep_sha256", "format", "objectives", "step", "points", "by"), Json.parseObject(s.canonicalJson()).keySet());
        assertThrows(IllegalArgumentException.class, () -> new SweepPublished(7, "not-a-hash", s.format(), s.objectives(), s.step(), s.points(), s.by()));
        assertThrows(IllegalArgumentException.class, () -> new SweepPublished(7, s.sweepSha256(), s.format(), List.of(), s.step(), s.points(), s.by()));
        assertThrows(IllegalArgumentException.class, () -> new SweepPublished(7, s.sweepSha256(), s.format(), s.objectives(), 0, s.points(), s.by()));
        assertThrows(IllegalArgumentException.class, () -> new SweepPublished(7, s.sweepSha256(), s.format(), s.objectives(), s.step(), 0, s.by()));
        String forged = s.canonicalJson().replace("\"points\":15", "\"points\":0");
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, SweepPublished.KIND, forged)));
    }

    @Test
    void tallyDetailsBuiltFromLiveResultsEqualTheDetailsReadBack() {
        DelegationOutcome outcome = new LiquidDelegation(LiquidDelegation.UNLIMITED)
                .resolve(List.of("a", "b", "c"), Set.of("a"), List.of(Delegation.of("b", "a")), Delegation.ALL_TOPICS);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delegation", Map.of("ranking", outcome));
        details.put("delegations_in_force", List.of(Map.of("delegator", "b", "delegate", "a")));
        TallyDetails live = new TallyDetails(9, details);
        TallyDetails back = (TallyDetails) roundTrip(live);
        assertEquals(Map.of("a", 2L), back.votes("ranking"));
        assertTrue(back.votes("floors").isEmpty());
        assertTrue(back.floors().isEmpty());
    }

    @Test
    void theViewCountsVotersOfEveryKind() {
        Ledger ledger = new Ledger();
        for (LedgerEvent e : Fixtures.everyKind()) ledger.append(e);
        LedgerView view = LedgerView.of(ledger.entries());
        assertEquals(3, view.voters(7));
        assertEquals(4 + 5, view.ballotVersions(7));
        // panel 9 has only a ranking and a comparison ballot: its voter still counts
        assertEquals(1, view.voters(9));
        assertEquals(2, view.ballotVersions(9));
        assertEquals(Fixtures.voteSettings(), view.voteSettings(7).orElseThrow().event());
        assertEquals(Fixtures.tallyDetails(), view.lastTallyDetails(7).orElseThrow().event());
        assertEquals(List.of(Fixtures.sweep()), view.sweeps(7).stream().map(LedgerView.Typed::event).toList());
    }
}

package org.mandate.audit.ledger;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.mandate.Mandate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class LedgerEventTest {

    @Test
    void everyKindIsCoveredByTheFixtures() {
        assertEquals(Set.copyOf(LedgerEvent.KINDS), Set.copyOf(Fixtures.everyKind().stream().map(LedgerEvent::kind).toList()));
    }

    @Test
    void payloadsAreDeterministicAndCanonical() {
        List<LedgerEvent> a = Fixtures.everyKind(), b = Fixtures.everyKind();
        for (int i = 0; i < a.size(); i++) {
            String payload = a.get(i).canonicalJson();
            assertEquals(payload, b.get(i).canonicalJson(), a.get(i).kind());
            // Re-canonicalising the parsed payload gives the same bytes: it is already canonical.
            assertEquals(payload, CanonicalJson.write(Json.parse(payload)), a.get(i).kind());
            assertTrue(a.get(i).kind().matches("[a-z][a-z0-9_]*"));
        }
    }

    @Test
    void everyKindParsesBackToAnEqualEvent() {
        Ledger ledger = new Ledger();
        for (LedgerEvent e : Fixtures.everyKind()) {
            LedgerEntry entry = ledger.append(e);
            assertEquals(e.kind(), entry.kind());
            LedgerEvent back = LedgerEvent.parse(entry);
            assertEquals(e.canonicalJson(), back.canonicalJson());
            assertEquals(e.getClass(), back.getClass());
        }
    }

    @Test
    void ballotPayloadIsExactAndIndependentOfMapOrder() {
        Map<String, Double> w1 = new LinkedHashMap<>();
        w1.put("relevance", 0.5);
        w1.put("novelty", 0.5);
        Map<String, Double> w2 = new HashMap<>();
        w2.put("novelty", 0.5);
        w2.put("relevance", 0.5);
        BallotCast a = new BallotCast(3, "v-9", 1, new TreeMap<>(w1), "2026-11-20T10:00:00Z");
        BallotCast b = new BallotCast(3, "v-9", 1, new TreeMap<>(w2), java.time.Instant.parse("2026-11-20T10:00:00Z"));
        assertEquals(a.canonicalJson(), b.canonicalJson());
        String preimage = "{\"cast_at\":\"2026-11-20T10:00:00Z\",\"panel\":3,\"version\":1,\"voter\":\"v-9\",\"weights\":{\"novelty\":0.5,\"relevance\":0.5}}";
        String receipt = CanonicalJson.sha256Hex(preimage.getBytes(StandardCharsets.UTF_8));
        assertEquals(receipt, a.receipt());
        assertEquals("{\"cast_at\":\"2026-11-20T10:00:00Z\",\"panel\":3,\"receipt\":\"" + receipt
                + "\",\"version\":1,\"voter\":\"v-9\",\"weights\":{\"novelty\":0.5,\"relevance\":0.5}}", a.canonicalJson());
    }

    @Test
    void ballotCarriesNoIdentityFields() {
        BallotCast b = Fixtures.ballots().getFirst();
        assertEquals(Set.of("panel", "voter", "version", "weights", "cast_at", "receipt"), Json.parseObject(b.canonicalJson()).keySet());
    }

    @Test
    void derivedHashesMatchTheirSubjects() {
        Mandate m = Fixtures.mandate();
        MandatePublished mp = new MandatePublished(7, m);
        Map<String, Object> json = Json.parseObject(mp.canonicalJson());
        assertEquals(m.sha256(), json.get("mandate_hash"));
        assertEquals(m.canonicalJson(), CanonicalJson.write(json.get("mandate")));
        TallyComputed tc = new TallyComputed(7, Fixtures.tally());
        assertEquals(Fixtures.tally().sha256(), tc.tallyHash());
        assertEquals(m.provenance().tallyHash(), tc.tallyHash(), "the mandate names the ledgered tally");
        assertEquals("{\"report_sha256\":\"" + "ef".repeat(32) + "\"}", new ReportPublished("ef".repeat(32)).canonicalJson());
    }

    @Test
    void differentContentGivesDifferentPayloads() {
        BallotCast a = new BallotCast(7, "v-1", 1, Fixtures.weights(0.5, 0.3, 0.2), "2026-11-20T10:00:00Z");
        BallotCast b = new BallotCast(7, "v-1", 1, Fixtures.weights(0.5, 0.2, 0.3), "2026-11-20T10:00:00Z");
        assertNotEquals(a.canonicalJson(), b.canonicalJson());
        assertNotEquals(a.receipt(), b.receipt());
    }

    @Test
    void parseRefusesAWrongReceipt() {
        BallotCast b = Fixtures.ballots().getFirst();
        String forged = b.canonicalJson().replace(b.receipt(), "0".repeat(64));
        LedgerEntry entry = HashChain.next(null, BallotCast.KIND, forged);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(entry));
        assertTrue(e.getMessage().contains("receipt"), e.getMessage());
    }

    @Test
    void parseRefusesAWrongMandateHashAndNonCanonicalPayloads() {
        MandatePublished mp = new MandatePublished(7, Fixtures.mandate());
        String forged = mp.canonicalJson().replace(mp.mandateHash(), "1".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, MandatePublished.KIND, forged)));
        String spaced = new ReportPublished("ef".repeat(32)).canonicalJson().replace(":", ": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LedgerEvent.parse(HashChain.next(null, ReportPublished.KIND, spaced)));
        assertTrue(e.getMessage().contains("canonical"), e.getMessage());
    }

    @Test
    void parseRefusesUnknownKindsAndBadValues() {
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, "note", "{}")));
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, PhaseChanged.KIND, "{}")));
        assertThrows(IllegalArgumentException.class, () -> new ReportPublished("not-a-hash"));
        assertThrows(IllegalArgumentException.class, () -> new BallotCast(1, "v", 1, Fixtures.weights(1, 0, 0), "yesterday"));
        assertThrows(IllegalArgumentException.class, () -> new BallotCast(1, " ", 1, Fixtures.weights(1, 0, 0), "2026-11-20T10:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingRunRecorded("r", "h", Map.of("loss", Double.NaN)));
    }

    @Test
    void panelPhaseAndModerationPayloadsAreExactAndNameNoModerator() {
        assertEquals(Set.of("panel", "name", "menu", "ballot_kinds", "rule", "rule_version", "rule_settings", "allow_revision", "phases",
                "selection", "created_at"), Json.parseObject(Fixtures.configuration().canonicalJson()).keySet());
        assertEquals("{\"at\":\"2026-11-19T18:00:00Z\",\"from\":\"learn\",\"panel\":7,\"to\":\"deliberate\"}",
                Fixtures.phases().getFirst().canonicalJson());
        StatementModerated hidden = (StatementModerated) Fixtures.events().get(2);
        Map<String, Object> json = Json.parseObject(hidden.canonicalJson());
        assertEquals(Set.of("panel", "statement", "statement_sha256", "action", "reason", "by_role", "at"), json.keySet());
        assertEquals("hide_statement", json.get("action"));
        assertEquals("organiser", json.get("by_role"));
        StatementModerated restored = new StatementModerated(7, 3, "9f".repeat(32), StatementModerated.Action.RESTORE, "appeal upheld", "organiser",
                "2026-11-19T21:00:00Z");
        assertEquals(restored.canonicalJson(), LedgerEvent.parse(HashChain.next(null, StatementModerated.KIND, restored.canonicalJson())).canonicalJson());
    }

    @Test
    void newKindsRefuseWhatTheRecordMustNotHold() {
        assertThrows(IllegalArgumentException.class, () -> new PhaseChanged(7, "vote", "learn", "2026-11-19T18:00:00Z"), "phases never go back");
        assertThrows(IllegalArgumentException.class, () -> new PhaseChanged(7, "learn", "recess", "2026-11-19T18:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> new PhaseChanged(7, "learn", "vote", "tomorrow"));
        PanelConfigured c = Fixtures.configuration();
        assertThrows(IllegalArgumentException.class, () -> new PanelConfigured(7, "p", c.menu(), c.ballotKinds(), c.rule(), 1, Map.of(), false,
                List.of("vote", "learn", "closed"), c.selection(), c.createdAt()), "plan out of order");
        assertThrows(IllegalArgumentException.class, () -> new PanelConfigured(7, "p", c.menu(), c.ballotKinds(), c.rule(), 1, Map.of(), false,
                List.of("learn", "vote"), c.selection(), c.createdAt()), "a plan ends with closed");
        assertThrows(IllegalArgumentException.class, () -> new MemberSelection("stratified_sortition", "everyone", List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new MemberSelection("lottery", null, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new StatementModerated(7, 3, "9f".repeat(32), StatementModerated.Action.HIDE, " ",
                "organiser", "2026-11-19T20:00:00Z"), "a reason is published");
        assertThrows(IllegalArgumentException.class, () -> new StatementModerated(7, 3, "9f".repeat(32), StatementModerated.Action.HIDE, "spam",
                "Jane Doe", "2026-11-19T20:00:00Z"), "a role, not a name");
        String forged = Fixtures.events().get(2).canonicalJson().replace("hide_statement", "delete_statement");
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, StatementModerated.KIND, forged)));
    }

    @Test
    void aTallyCarriesTheMerkleRootOfExactlyTheBallotsItCounted() {
        CountedBallots counted = Fixtures.counted();
        var record = org.mandate.objectives.tally.Tally.run(counted.weightBallots(),
                new org.mandate.objectives.ballot.ObjectiveMenu(List.of("relevance", "novelty", "provider_fairness")), new org.mandate.objectives.tally.MeanRule());
        TallyComputed t = TallyComputed.of(7, record, counted.ballots());
        assertEquals(counted.root(), t.ballotsRoot());
        assertEquals(t.canonicalJson(), LedgerEvent.parse(HashChain.next(null, TallyComputed.KIND, t.canonicalJson())).canonicalJson());
        // Every counted receipt has an inclusion proof under the root; a ballot that was replaced by a later version has none.
        for (BallotCast b : counted.ballots()) {
            CountedBallots.Leaf leaf = counted.leaf(b.receipt()).orElseThrow();
            assertTrue(leaf.proof().verify(leaf.leafHash(), t.ballotsRoot()), b.voter());
        }
        assertTrue(counted.leaf(Fixtures.ballots().getFirst().receipt()).isEmpty(), "version 1 of v-1a2b was replaced");
        // Ballots other than those counted are refused: one too few, or the same count with different content.
        assertThrows(IllegalArgumentException.class, () -> TallyComputed.of(7, record, counted.ballots().subList(0, 2)));
        List<BallotCast> swapped = List.of(Fixtures.ballots().get(0), Fixtures.ballots().get(1), Fixtures.ballots().get(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TallyComputed.of(7, record, swapped));
        assertTrue(e.getMessage().contains("digest"), e.getMessage());
        // The older format (no root) still reads, so ledgers written before it verify.
        TallyComputed legacy = new TallyComputed(7, record);
        assertFalse(legacy.canonicalJson().contains("ballots_root"));
        assertNull(((TallyComputed) LedgerEvent.parse(HashChain.next(null, TallyComputed.KIND, legacy.canonicalJson()))).ballotsRoot());
        assertEquals(BallotCast.ofStoredBallot(CanonicalJson.write(counted.ballots().getFirst().ballot())), counted.ballots().getFirst());
    }
}

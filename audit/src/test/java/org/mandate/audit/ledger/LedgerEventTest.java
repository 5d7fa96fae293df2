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
        assertEquals(Set.copyOf(LedgerEvent.KINDS), Set.copyOf(Fixtures.events().stream().map(LedgerEvent::kind).toList()));
    }

    @Test
    void payloadsAreDeterministicAndCanonical() {
        List<LedgerEvent> a = Fixtures.events(), b = Fixtures.events();
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
        for (LedgerEvent e : Fixtures.events()) {
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
        BallotCast b = (BallotCast) Fixtures.events().getFirst();
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
        BallotCast b = (BallotCast) Fixtures.events().getFirst();
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
        assertThrows(IllegalArgumentException.class, () -> LedgerEvent.parse(HashChain.next(null, "phase", "{}")));
        assertThrows(IllegalArgumentException.class, () -> new ReportPublished("not-a-hash"));
        assertThrows(IllegalArgumentException.class, () -> new BallotCast(1, "v", 1, Fixtures.weights(1, 0, 0), "yesterday"));
        assertThrows(IllegalArgumentException.class, () -> new BallotCast(1, " ", 1, Fixtures.weights(1, 0, 0), "2026-11-20T10:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingRunRecorded("r", "h", Map.of("loss", Double.NaN)));
    }
}

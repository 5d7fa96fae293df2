package org.mandate.audit.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LedgerTest {

    @Test
    void appendBuildsTheSameChainAsHashChainNext() {
        Ledger ledger = new Ledger();
        LedgerEntry prev = null;
        for (LedgerEvent e : Fixtures.events()) {
            LedgerEntry appended = ledger.append(e);
            LedgerEntry expected = HashChain.next(prev, e.kind(), e.canonicalJson());
            assertEquals(expected, appended);
            prev = appended;
        }
        assertEquals(Fixtures.events().size(), ledger.size());
        assertEquals(prev, ledger.head().orElseThrow());
        assertTrue(ledger.verify().ok());
    }

    @Test
    void entriesAreACopy() {
        Ledger ledger = Fixtures.ledger();
        List<LedgerEntry> entries = ledger.entries();
        assertThrows(UnsupportedOperationException.class, () -> entries.removeFirst());
        assertEquals(entries, Ledger.of(entries).entries());
        assertTrue(Ledger.of(entries).verify().ok());
    }

    @Test
    void viewReadsBallotsTallyAndMandate() {
        LedgerView view = LedgerView.of(Fixtures.ledger().entries());
        assertEquals(4, view.ballotVersions(7));
        assertEquals(3, view.voters(7));
        assertEquals(0, view.ballotVersions(8));
        assertEquals(Fixtures.tally(), view.lastTally(7).orElseThrow().event().tally());
        LedgerView.Typed<MandatePublished> m = view.lastMandate(7).orElseThrow();
        assertEquals(Fixtures.mandate().sha256(), m.event().mandateHash());
        assertEquals(MandatePublished.KIND, m.entry().kind());
        assertEquals(2, view.all(TrainingRunRecorded.class).size());
        assertEquals("voted mandate", view.last(EvaluationRecorded.class).orElseThrow().event().label());
        assertEquals(0.22, view.last(EvaluationRecorded.class).orElseThrow().event().metrics().get("provider_fairness").value());
        assertTrue(view.lastTally(8).isEmpty());
        assertEquals(Fixtures.configuration(), view.last(PanelConfigured.class).orElseThrow().event());
        assertEquals(List.of("deliberate", "vote", "closed"), view.all(PhaseChanged.class).stream().map(t -> t.event().to()).toList());
        assertEquals(StatementModerated.Action.HIDE, view.last(StatementModerated.class).orElseThrow().event().action());
    }

    @Test
    void rawAppendRefusesBadKindsAndNonCanonicalPayloads() {
        Ledger ledger = new Ledger();
        assertThrows(IllegalArgumentException.class, () -> ledger.append("Phase", "{}"));
        assertThrows(IllegalArgumentException.class, () -> ledger.append("phase\nx", "{}"));
        assertThrows(IllegalArgumentException.class, () -> ledger.append("note", "{\"b\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> ledger.append("note", "not json"));
        assertEquals(0, ledger.size());
        ledger.append("note", "{\"a\":2,\"b\":1}");
        assertEquals(1, ledger.size());
    }

    @Test
    void viewRefusesAModelledEntryThatDoesNotParse() {
        Ledger ledger = new Ledger();
        ledger.append(BallotCast.KIND, "{\"panel\":1}");
        assertThrows(IllegalArgumentException.class, () -> LedgerView.of(ledger.entries()));
    }
}

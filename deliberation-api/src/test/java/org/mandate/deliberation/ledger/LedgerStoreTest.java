package org.mandate.deliberation.ledger;

import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerStoreTest extends EmbeddedDatabase {

    private void seedOneBallot() {
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        CreatedPanel created = panels.create("p", List.of("relevance", "novelty"), "mean", false);
        Session s = members.join(members.invite(created.panel().id(), created.organiserToken(), 1).getFirst());
        panels.moveTo(created.panel().id(), created.organiserToken(), Phase.VOTE);
        new BallotService(jdbi).submit(created.panel().id(), s.token(), Map.of("relevance", 60, "novelty", 40));
    }

    private static void assertRefusedBySchema(String sql) {
        StatementException e = assertThrows(StatementException.class, () -> jdbi.useHandle(h -> h.execute(sql)), sql);
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }

    @Test
    void ballotsAndLedgerRefuseUpdateDeleteAndTruncate() {
        seedOneBallot();
        long ballots = count("ballots"), entries = count("ledger");
        assertRefusedBySchema("UPDATE ballots SET ballot = '{}'");
        assertRefusedBySchema("DELETE FROM ballots");
        assertRefusedBySchema("TRUNCATE ballots CASCADE");
        assertRefusedBySchema("UPDATE ledger SET payload = '{}' WHERE seq = 0");
        assertRefusedBySchema("DELETE FROM ledger WHERE seq = (SELECT max(seq) FROM ledger)");
        assertRefusedBySchema("TRUNCATE ledger CASCADE");
        assertEquals(ballots, count("ballots"));
        assertEquals(entries, count("ledger"));
        assertTrue(new LedgerStore(jdbi).verify().ok());
    }

    @Test
    void theSchemaRefusesAnEntryThatDoesNotExtendTheHead() {
        LedgerEntry head = new LedgerStore(jdbi).append("note", "{\"x\":1}");
        // a forked entry: same predecessor as the head
        assertThrows(StatementException.class, () -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO ledger (seq, kind, payload, prev_hash, hash) VALUES (?, 'note', '{}', ?, ?)",
                head.seq() + 1, head.prevHash(), "a".repeat(64))));
        assertThrows(StatementException.class, () -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO ledger (seq, kind, payload, prev_hash, hash) VALUES (?, 'note', '{}', ?, ?)",
                head.seq() + 5, head.hash(), "b".repeat(64))));
        assertTrue(new LedgerStore(jdbi).verify().ok());
    }

    @Test
    void onlyCanonicalPayloadsAndPlainKindsAreAppended() {
        LedgerStore ledger = new LedgerStore(jdbi);
        long before = count("ledger");
        assertThrows(IllegalArgumentException.class, () -> ledger.append("note", "{\"b\":1, \"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> ledger.append("note", "{\"a\":1.0}"));
        assertThrows(IllegalArgumentException.class, () -> ledger.append("note", "not json"));
        assertThrows(IllegalArgumentException.class, () -> ledger.append("Bad Kind", "{}"));
        assertThrows(IllegalStateException.class, () -> jdbi.useHandle(h -> ledger.append(h, "note", "{}")));
        assertEquals(before, count("ledger"));
        LedgerEntry e = ledger.append("training_run", "{\"a\":2,\"b\":1}");
        assertEquals(e, ledger.head().orElseThrow());
    }

    @Test
    void aFailedTransactionLeavesNoLedgerEntry() {
        LedgerStore ledger = new LedgerStore(jdbi);
        long before = count("ledger");
        assertThrows(IllegalStateException.class, () -> jdbi.useTransaction(h -> {
            ledger.append(h, "note", "{}");
            throw new IllegalStateException("the caller's other write failed");
        }));
        assertEquals(before, count("ledger"));
        assertTrue(ledger.verify().ok());
    }
}

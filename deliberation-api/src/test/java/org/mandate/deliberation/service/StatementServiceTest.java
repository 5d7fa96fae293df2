package org.mandate.deliberation.service;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.opinion.VoteMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementServiceTest extends EmbeddedDatabase {

    record Seats(long panel, String organiser, List<String> members) {}

    private static Seats deliberatingPanel(int n) {
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        CreatedPanel p = panels.create("statements", List.of("relevance", "novelty"), "mean", false);
        List<String> tokens = new ArrayList<>();
        for (String invitation : members.invite(p.panel().id(), p.organiserToken(), n)) tokens.add(members.join(invitation).token());
        panels.moveTo(p.panel().id(), p.organiserToken(), Phase.DELIBERATE);
        return new Seats(p.panel().id(), p.organiserToken(), tokens);
    }

    @Test
    void theMatrixHoldsLatestVotesOnVisibleStatementsAndNaNForUnseen() {
        Seats s = deliberatingPanel(4);
        StatementService statements = new StatementService(jdbi);
        Statement a = statements.post(s.panel(), s.members().get(0), "  Statement A  ");
        Statement b = statements.post(s.panel(), s.members().get(1), "Statement B");
        Statement c = statements.post(s.panel(), s.members().get(2), "Statement C");
        assertEquals("Statement A", a.text(), "surrounding blanks are trimmed");
        statements.vote(s.panel(), s.members().get(1), a.id(), Stance.AGREE);
        statements.vote(s.panel(), s.members().get(1), a.id(), Stance.PASS);
        statements.vote(s.panel(), s.members().get(2), a.id(), Stance.DISAGREE);
        statements.vote(s.panel(), s.members().get(2), c.id() - 1, Stance.AGREE); // b
        statements.vote(s.panel(), s.members().get(0), c.id(), Stance.AGREE);
        statements.hide(s.panel(), s.organiser(), c.id(), "duplicate of an earlier statement");

        VoteMatrix m = statements.matrix(s.panel());
        assertEquals(List.of(a.id(), b.id()), m.statements(), "the hidden statement is out");
        assertEquals(2, m.rows(), "member 0 only voted on the hidden statement; member 3 never voted");
        assertEquals(0.0, m.vote(0, 0), "member 1's latest vote on A is pass");
        assertTrue(Double.isNaN(m.vote(0, 1)), "member 1 has not seen B (their own)");
        assertEquals(-1.0, m.vote(1, 0));
        assertEquals(1.0, m.vote(1, 1));
        assertEquals(Stance.PASS, statements.votesOf(s.panel(), jdbi.withHandle(h -> Sessions.authenticate(h, s.members().get(1))).voterId()).get(a.id()));
    }

    @Test
    void theOpinionMapFollowsEveryNewVoteStatementAndHiding() {
        Seats s = deliberatingPanel(3);
        StatementService statements = new StatementService(jdbi);
        Statement a = statements.post(s.panel(), s.members().get(0), "A");
        assertEquals(0, statements.opinionMap(s.panel()).participants().size());
        statements.vote(s.panel(), s.members().get(1), a.id(), Stance.AGREE);
        var first = statements.opinionMap(s.panel());
        assertEquals(1, first.participants().size());
        assertTrue(first == statements.opinionMap(s.panel()), "unchanged votes reuse the computed map");
        statements.vote(s.panel(), s.members().get(1), a.id(), Stance.DISAGREE);
        assertEquals(1, statements.opinionMap(s.panel()).consensus().getFirst().disagree());
        Statement b = statements.post(s.panel(), s.members().get(1), "B");
        assertEquals(2, statements.opinionMap(s.panel()).consensus().size());
        statements.hide(s.panel(), s.organiser(), b.id(), "test");
        assertEquals(1, statements.opinionMap(s.panel()).consensus().size());
        assertEquals(1, new StatementService(jdbi).opinionMap(s.panel()).consensus().size(), "another instance computes the same");
    }

    @Test
    void refusalsComeBeforeAnyWrite() {
        Seats s = deliberatingPanel(2);
        StatementService statements = new StatementService(jdbi);
        long before = count("statements");
        assertEquals(Refused.Kind.INVALID, assertThrows(Refused.class, () -> statements.post(s.panel(), s.members().get(0), "x".repeat(281))).kind());
        assertEquals(Refused.Kind.INVALID, assertThrows(Refused.class, () -> statements.post(s.panel(), s.members().get(0), "\t \n")).kind());
        assertEquals(Refused.Kind.INVALID, assertThrows(Refused.class, () -> statements.post(s.panel(), s.members().get(0), "bell\u0007")).kind());
        assertEquals(Refused.Kind.UNAUTHORISED, assertThrows(Refused.class, () -> statements.post(s.panel(), "nope", "hello")).kind());
        assertEquals(Refused.Kind.FORBIDDEN, assertThrows(Refused.class, () -> statements.post(s.panel(), s.organiser(), "hello")).kind());
        assertEquals(Refused.Kind.NOT_FOUND, assertThrows(Refused.class, () -> statements.vote(s.panel(), s.members().get(0), 987654321L, Stance.AGREE)).kind());
        assertEquals(before, count("statements"));
        Statement ok = statements.post(s.panel(), s.members().get(0), "é".repeat(280));
        assertEquals(280, ok.text().length());
        new PanelService(jdbi).moveTo(s.panel(), s.organiser(), Phase.VOTE);
        assertEquals(Refused.Kind.WRONG_PHASE, assertThrows(Refused.class, () -> statements.vote(s.panel(), s.members().get(1), ok.id(), Stance.AGREE)).kind());
    }

    @Test
    void statementsVotesAndHidingsAreAppendOnly() {
        Seats s = deliberatingPanel(2);
        StatementService statements = new StatementService(jdbi);
        Statement st = statements.post(s.panel(), s.members().get(0), "Keep me");
        statements.vote(s.panel(), s.members().get(1), st.id(), Stance.AGREE);
        statements.hide(s.panel(), s.organiser(), st.id(), "test");
        for (String sql : List.of("UPDATE statements SET body = 'changed'", "DELETE FROM statements", "UPDATE statement_votes SET vote = -1",
                "DELETE FROM statement_votes", "UPDATE statement_hidings SET reason = 'other'", "DELETE FROM statement_hidings",
                "TRUNCATE statement_votes")) {
            assertThrows(UnableToExecuteStatementException.class, () -> jdbi.useHandle(h -> h.execute(sql)), sql);
        }
        assertEquals("Keep me", statements.find(s.panel(), st.id()).orElseThrow().text());
    }

    @Test
    void ofTwoConcurrentHidingsExactlyOneIsLedgered() throws Exception {
        Seats s = deliberatingPanel(1);
        StatementService statements = new StatementService(jdbi);
        Statement st = statements.post(s.panel(), s.members().get(0), "Contested");
        long ledger = count("ledger");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Moderation>> jobs = List.of(() -> statements.hide(s.panel(), s.organiser(), st.id(), "first"),
                    () -> statements.hide(s.panel(), s.organiser(), st.id(), "second"));
            int ok = 0, refused = 0;
            for (Future<Moderation> f : pool.invokeAll(jobs)) {
                try {
                    f.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof Refused r && r.kind() == Refused.Kind.INVALID, e.getCause().toString());
                    refused++;
                }
            }
            assertEquals(1, ok);
            assertEquals(1, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ledger + 1, count("ledger"));
        assertTrue(new org.mandate.deliberation.ledger.LedgerStore(jdbi).verify().ok());
    }
}

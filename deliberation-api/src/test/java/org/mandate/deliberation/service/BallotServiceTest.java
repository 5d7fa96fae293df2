package org.mandate.deliberation.service;

import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BallotServiceTest extends EmbeddedDatabase {

    private PanelService panels;
    private MemberService members;
    private BallotService ballots;
    private TallyService tallies;
    private LedgerStore ledger;

    @BeforeEach
    void wire() {
        panels = new PanelService(jdbi);
        members = new MemberService(jdbi);
        ballots = new BallotService(jdbi);
        tallies = new TallyService(jdbi);
        ledger = new LedgerStore(jdbi);
    }

    /** A panel in phase vote with {@code n} joined members. */
    record Voting(CreatedPanel created, List<Session> sessions) {
        long id() { return created.panel().id(); }
        String organiser() { return created.organiserToken(); }
    }

    private Voting votingPanel(int n, boolean allowRevision, String rule) {
        CreatedPanel created = panels.create("test panel", List.of("relevance", "novelty", "provider_fairness"), rule, allowRevision);
        List<Session> sessions = members.invite(created.panel().id(), created.organiserToken(), n).stream().map(members::join).toList();
        panels.moveTo(created.panel().id(), created.organiserToken(), Phase.VOTE);
        return new Voting(created, sessions);
    }

    private void assertRejectedWithoutTrace(BallotRejected.Reason reason, Voting v, Map<String, ? extends Number> points) {
        long ballotRows = count("ballots"), ledgerRows = count("ledger");
        BallotRejected e = assertThrows(BallotRejected.class, () -> ballots.submit(v.id(), v.sessions().getFirst().token(), points));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(ballotRows, count("ballots"), "no ballot row written");
        assertEquals(ledgerRows, count("ledger"), "no ledger entry written");
    }

    @Test
    void invalidBallotsAreRejectedBeforeAnyWrite() {
        Voting v = votingPanel(1, false, "mean");
        assertRejectedWithoutTrace(BallotRejected.Reason.NEGATIVE, v, Map.of("relevance", 120, "novelty", -20));
        assertRejectedWithoutTrace(BallotRejected.Reason.NOT_FINITE, v, Map.of("relevance", Double.NaN));
        assertRejectedWithoutTrace(BallotRejected.Reason.NOT_FINITE, v, Map.of("relevance", Double.POSITIVE_INFINITY));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("relevance", null);
        assertRejectedWithoutTrace(BallotRejected.Reason.NOT_FINITE, v, withNull);
        assertRejectedWithoutTrace(BallotRejected.Reason.NOT_NORMALISED, v, Map.of("relevance", 50, "novelty", 20));
        assertRejectedWithoutTrace(BallotRejected.Reason.UNKNOWN_OBJECTIVE, v, Map.of("relevance", 50, "engagement", 50));
        assertRejectedWithoutTrace(BallotRejected.Reason.EMPTY, v, Map.of());
        assertEquals(0, ballots.ballotCount(v.id()));
    }

    @Test
    void anAcceptedBallotIsStoredWithItsLedgerEntryAndReceipt() {
        Voting v = votingPanel(1, false, "mean");
        Receipt r = ballots.submit(v.id(), v.sessions().getFirst().token(), Map.of("relevance", 70, "novelty", 30));
        assertEquals(CanonicalJson.sha256Hex(r.ballot().getBytes(StandardCharsets.UTF_8)), r.receipt());
        assertEquals(1, r.version());
        var entry = ledger.findReceipt(r.receipt()).orElseThrow();
        assertEquals("ballot", entry.kind());
        assertEquals(r.ledgerSeq(), entry.seq());
        Map<String, Object> payload = Json.parseObject(entry.payload());
        assertEquals(r.receipt(), payload.get("receipt"));
        assertEquals(v.sessions().getFirst().member().voterId(), payload.get("voter"));
        assertEquals(Map.of("novelty", 0.3, "relevance", 0.7), payload.get("weights"));
        // the published entry minus its receipt hashes to the receipt: anyone can check it
        payload.remove("receipt");
        assertEquals(r.receipt(), CanonicalJson.sha256(payload));
        assertTrue(ballots.findByReceipt(r.receipt()).orElseThrow().counts());
        assertTrue(ledger.findReceipt("0".repeat(64)).isEmpty());
    }

    @Test
    void aSecondBallotIsRefusedWhenThePanelDoesNotAllowRevision() {
        Voting v = votingPanel(1, false, "mean");
        String token = v.sessions().getFirst().token();
        ballots.submit(v.id(), token, Map.of("relevance", 100));
        long ledgerRows = count("ledger");
        BallotRejected e = assertThrows(BallotRejected.class, () -> ballots.submit(v.id(), token, Map.of("novelty", 100)));
        assertEquals(BallotRejected.Reason.ALREADY_VOTED, e.reason());
        assertEquals(1, ballots.ballotCount(v.id()));
        assertEquals(ledgerRows, count("ledger"));
    }

    @Test
    void withRevisionBothVersionsAreKeptAndTheTallyCountsTheLatest() {
        Voting v = votingPanel(2, true, "mean");
        String a = v.sessions().get(0).token(), b = v.sessions().get(1).token();
        Receipt first = ballots.submit(v.id(), a, Map.of("relevance", 100));
        Receipt second = ballots.submit(v.id(), a, Map.of("novelty", 100));
        ballots.submit(v.id(), b, Map.of("novelty", 100));
        assertEquals(2, second.version());
        assertEquals(3, ballots.ballotCount(v.id()));
        assertFalse(ballots.findByReceipt(first.receipt()).orElseThrow().counts());
        assertTrue(ballots.findByReceipt(second.receipt()).orElseThrow().counts());

        TallyOutcome outcome = tallies.tally(v.id(), v.organiser());
        assertEquals(2, outcome.tally().ballotCount());
        assertEquals(1.0, outcome.tally().weights().get("novelty"), 1e-12);
        assertEquals(0.0, outcome.tally().weights().get("relevance"), 1e-12);
        assertEquals(Map.of("novelty", 1.0), outcome.mandate().weights());
        assertEquals(Phase.CLOSED, panels.get(v.id()).phase(), "tallying closes voting");
        TallyComputed tallyEvent = (TallyComputed) LedgerEvent.parse(outcome.tallyEntry());
        assertEquals(outcome.tally(), tallyEvent.tally());
        assertEquals(tallyEvent.tallyHash(), outcome.mandate().provenance().tallyHash(), "the mandate names the tally it came from");
        assertEquals(outcome.mandate(), ((MandatePublished) LedgerEvent.parse(outcome.mandateEntry())).mandate());
        assertEquals(outcome.tallyEntry().seq() + 1, outcome.mandateEntry().seq());

        PublishedMandate published = tallies.mandate(v.id()).orElseThrow();
        assertEquals(outcome.mandate().sha256(), published.mandateHash());
        assertEquals(outcome.mandate(), published.mandate());

        Refused again = assertThrows(Refused.class, () -> tallies.tally(v.id(), v.organiser()));
        assertEquals(Refused.Kind.ALREADY_TALLIED, again.kind());
        Refused late = assertThrows(Refused.class, () -> ballots.submit(v.id(), b, Map.of("relevance", 100)));
        assertEquals(Refused.Kind.WRONG_PHASE, late.kind());
        assertTrue(ledger.verify().ok());
    }

    @Test
    void independentMarketsTallyOfUnanimousSplitVoters() {
        Voting v = votingPanel(4, false, "independent_markets");
        for (int i = 0; i < 4; i++) {
            ballots.submit(v.id(), v.sessions().get(i).token(), Map.of(i < 3 ? "relevance" : "provider_fairness", 100));
        }
        TallyOutcome outcome = tallies.tally(v.id(), v.organiser());
        // proportionality: three of four voters put everything on relevance
        assertEquals(0.75, outcome.mandate().weight("relevance"), 1e-6);
        assertEquals(0.25, outcome.mandate().weight("provider_fairness"), 1e-6);
    }

    @Test
    void theSchemaItselfAllowsOneBallotPerMemberOnANoRevisionPanel() {
        Voting v = votingPanel(1, false, "mean");
        Session s = v.sessions().getFirst();
        ballots.submit(v.id(), s.token(), Map.of("relevance", 100));
        // a writer that bypasses BallotService still cannot add a second version, nor skip one
        for (int version : new int[]{1, 2, 3}) {
            long seq = ledger.append("note", "{\"v\":" + version + "}").seq();
            var e = assertThrows(org.jdbi.v3.core.statement.StatementException.class, () -> jdbi.useHandle(h -> h.execute(
                    "INSERT INTO ballots (panel_id, member_id, version, ballot, receipt, ledger_seq, created_at) VALUES (?, ?, ?, '{}', ?, ?, now())",
                    v.id(), s.member().id(), version, String.valueOf(version).repeat(64), seq)));
            var pg = assertInstanceOf(org.postgresql.util.PSQLException.class, e.getCause());
            assertEquals("ballots_one_per_version", pg.getServerErrorMessage().getConstraint(), pg.getMessage());
        }
        assertEquals(1, ballots.ballotCount(v.id()));
    }

    @Test
    void ballotsOnlyInPhaseVoteAndOnlyFromSeatedMembers() {
        CreatedPanel created = panels.create("p", List.of("relevance", "novelty"), "mean", false);
        long id = created.panel().id();
        Session s = members.join(members.invite(id, created.organiserToken(), 1).getFirst());
        long before = count("ballots");
        assertEquals(Refused.Kind.WRONG_PHASE, assertThrows(Refused.class, () -> ballots.submit(id, s.token(), Map.of("relevance", 100))).kind());
        panels.moveTo(id, created.organiserToken(), Phase.VOTE);
        assertEquals(Refused.Kind.UNAUTHORISED, assertThrows(Refused.class, () -> ballots.submit(id, "forged", Map.of("relevance", 100))).kind());
        assertEquals(Refused.Kind.UNAUTHORISED, assertThrows(Refused.class, () -> ballots.submit(id, null, Map.of("relevance", 100))).kind());
        assertEquals(Refused.Kind.FORBIDDEN, assertThrows(Refused.class, () -> ballots.submit(id, created.organiserToken(), Map.of("relevance", 100))).kind());
        Voting other = votingPanel(1, false, "mean");
        assertEquals(Refused.Kind.FORBIDDEN, assertThrows(Refused.class, () -> ballots.submit(other.id(), s.token(), Map.of("relevance", 100))).kind());
        assertEquals(Refused.Kind.NOT_FOUND, assertThrows(Refused.class, () -> ballots.submit(987654, s.token(), Map.of("relevance", 100))).kind());
        assertEquals(before, count("ballots"));
        assertEquals(Refused.Kind.WRONG_PHASE, assertThrows(Refused.class, () -> panels.moveTo(id, created.organiserToken(), Phase.LEARN)).kind());
        assertEquals(Refused.Kind.FORBIDDEN, assertThrows(Refused.class, () -> panels.moveTo(id, s.token(), Phase.CLOSED)).kind());
    }

    @Test
    void invitationsAreSingleUseAndPanelsValidateTheirSetup() {
        CreatedPanel created = panels.create("p", List.of("relevance"), "mean", false);
        String invitation = members.invite(created.panel().id(), created.organiserToken(), 1).getFirst();
        Session s = members.join(invitation);
        assertEquals(created.panel().id(), s.member().panelId());
        assertEquals(Refused.Kind.UNAUTHORISED, assertThrows(Refused.class, () -> members.join(invitation)).kind());
        assertEquals(1, members.memberCount(created.panel().id()));
        assertEquals(s.member(), members.authenticate(s.token()).orElseThrow());
        assertEquals(Refused.Kind.FORBIDDEN, assertThrows(Refused.class, () -> members.invite(created.panel().id(), s.token(), 1)).kind());
        assertEquals(Refused.Kind.INVALID, assertThrows(Refused.class, () -> panels.create("p", List.of("engagement"), "mean", false)).kind());
        assertEquals(Refused.Kind.INVALID, assertThrows(Refused.class, () -> panels.create("p", List.of("relevance"), "plurality", false)).kind());
        assertEquals(Refused.Kind.INVALID, assertThrows(Refused.class, () -> members.invite(created.panel().id(), created.organiserToken(), 0)).kind());
    }
}

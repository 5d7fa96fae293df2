package org.mandate.audit.report;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.tally.TallyRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** Rule votes, turnout and sweep uploads as the report reads them from the record. */
class RuleVotesTest {

    private static LedgerView everyKind() {
        Ledger ledger = new Ledger();
        for (LedgerEvent e : Fixtures.everyKind()) ledger.append(e);
        return LedgerView.of(ledger.entries());
    }

    @Test
    void floorsAndApprovalsGiveTheVoteOnEachRuleOfTheMandate() {
        Map<String, RuleVote> votes = RuleVotes.of(everyKind(), 7);
        // The ceiling of 0.25 on provider fairness: v-1a2b proposed 0.25, v-3c4d (carrying v-7g8h's vote) 0.2; 3 ballots counted.
        assertEquals(new RuleVote(3, 3), votes.get("ceiling.provider_fairness"));
        // Data-use rules: the approval rule's yes over yes + no, under the attribute each item forbids.
        assertEquals(new RuleVote(2, 3), votes.get("data_use.forbid.age"));
        assertEquals(new RuleVote(2, 3), votes.get("data_use.forbid.gender"));
        assertEquals(3, votes.size(), votes.toString());
        // Every rule of the mandate that was voted on now shows its vote.
        ReportInput core = ReportFixtures.input("rules");
        ReportInput in = new ReportInput(core.title(), core.generatedAt(), core.panel(), core.tally(), core.mandate(), core.runs(), core.ledger(),
                null, List.of(), null, votes, List.of(), null, null, List.of(), null);
        for (ApprovedRule r : in.rules()) {
            if (r.kind().equals("ceiling") || r.id().startsWith("data_use.forbid.")) assertNotNull(r.vote(), r.id());
        }
        // A panel whose tally wrote no details (weights only) has no rule votes.
        assertTrue(RuleVotes.of(LedgerView.of(Fixtures.ledger().entries()), 7).isEmpty());
    }

    @Test
    void aRankingOnlyPanelHasItsTurnout() {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Ledger ledger = new Ledger();
        ledger.append(new PanelConfigured(9, "Ranked", List.of("relevance", "novelty"), List.of("ranking"), "schulze", 1, Map.of(), true,
                List.of("learn", "vote", "closed"), MemberSelection.undeclared(), t.toString()));
        ledger.append(new PhaseChanged(9, "learn", "vote", t.plusSeconds(10)));
        ledger.append(new KindBallotCast(9, "r1", 1, "ranking", List.of(List.of("a"), List.of("b")), t.plusSeconds(20)));
        ledger.append(new KindBallotCast(9, "r2", 1, "ranking", List.of(List.of("b", "a")), t.plusSeconds(21)));
        ledger.append(new KindBallotCast(9, "r1", 2, "ranking", List.of(List.of("b"), List.of("a")), t.plusSeconds(22)));
        LedgerView view = LedgerView.of(ledger.entries());
        PanelSummary panel = PanelSummary.fromLedger(view, 9, "Ranked", 4, "schulze", "pairwise majorities");
        assertEquals(3, panel.ballots());
        assertEquals(2, panel.voters());
        // The Schulze record counts a delegate's ranking once per vote carried (3 here); turnout is of members who voted.
        TallyRecord schulze = new TallyRecord("schulze", 1, Map.of(), List.of("relevance", "novelty"), 3, null,
                new TreeMap<>(Map.of("relevance", 0.5, "novelty", 0.5)));
        ReportInput in = new ReportInput("t", t, panel, schulze, Fixtures.mandate(), List.of(), new LedgerSummary(5, null, true, ""));
        assertEquals(0.5, in.turnout(), 1e-12);
        assertEquals(0.0, new ReportInput("t", t, new PanelSummary("Ranked", 4, 0, 0, "schulze", ""), null, Fixtures.mandate(), List.of(),
                new LedgerSummary(5, null, true, "")).turnout());
    }

    @Test
    void theTimelineShowsTheSweepUpload(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ReportInput in = ReportFixtures.full("sweeps");
        WrittenReport written = ReportWriter.write(in, dir);
        String html = Files.readString(written.indexHtml());
        assertTrue(html.contains(Fixtures.sweep().sweepSha256()), "the sweep's hash is in the timeline");
        assertTrue(html.indexOf("id=\"timeline\"") < html.indexOf(Fixtures.sweep().sweepSha256()));
        Map<String, Object> json = Json.parseObject(Files.readString(written.reportJson()));
        List<?> sweeps = (List<?>) json.get("sweeps");
        assertEquals(1, sweeps.size());
        assertEquals(Fixtures.sweep().sweepSha256(), ((Map<?, ?>) sweeps.getFirst()).get("sweep_sha256"));
        assertTrue(ReportSchemaTest.validate(ReportSchemaTest.MAPPER.readTree(Files.readString(written.reportJson()))).isEmpty());
    }
}

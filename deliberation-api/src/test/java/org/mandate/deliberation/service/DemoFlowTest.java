package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.CanonicalJson;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call sequence of the app's demo, at its size: one panel, 200 members, tally, downstream entries. */
class DemoFlowTest extends EmbeddedDatabase {

    @Test
    void twoHundredMembersVoteAndTheRecordVerifies() {
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        BallotService ballots = new BallotService(jdbi);
        TallyService tallies = new TallyService(jdbi);
        LedgerStore ledger = new LedgerStore(jdbi);

        CreatedPanel created = panels.create("Demo panel", List.of("relevance", "novelty", "provider_fairness"), "independent_markets", false);
        long id = created.panel().id();
        String organiser = created.organiserToken();
        List<String> invitations = members.invite(id, organiser, 200);
        List<Session> sessions = invitations.stream().map(members::join).toList();
        panels.moveTo(id, organiser, Phase.DELIBERATE);
        panels.moveTo(id, organiser, Phase.VOTE);
        Random random = new Random(7);
        for (Session s : sessions) {
            int relevance = random.nextInt(101), novelty = random.nextInt(101 - relevance);
            ballots.submit(id, s.token(), Map.of("relevance", relevance, "novelty", novelty, "provider_fairness", 100 - relevance - novelty));
        }
        TallyOutcome outcome = tallies.tally(id, organiser);
        assertEquals(200, outcome.tally().ballotCount());

        LedgerEntry run = ledger.append("training_run", CanonicalJson.write(Map.of("mandate", outcome.mandate().sha256(), "seed", 42)));
        ledger.append("evaluation", CanonicalJson.write(Map.of("run", run.hash(), "ndcg_at_10", 0.31)));
        ledger.append("report", CanonicalJson.write(Map.of("sha256", "0".repeat(64))));

        ChainVerification v = ledger.verify();
        assertTrue(v.ok(), v.reason());
        // panel, 2 phase changes, 200 ballots, phase closed, tally, mandate, 3 downstream entries
        assertEquals(1 + 2 + 200 + 1 + 2 + 3, v.entries());
        assertEquals(List.of("panel", "phase", "phase"), ledger.entries().subList(0, 3).stream().map(LedgerEntry::kind).toList());
    }
}

package org.mandate.deliberation.web;

import org.jdbi.v3.core.Jdbi;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.DelegationService;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.Statement;
import org.mandate.deliberation.service.StatementService;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.StratifiedInvitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A panel with something to audit, in phase vote: three members from two strata (North 2, South 1) and one
 * invited without strata, a statement hidden for a published reason, one delegation, and two weight ballots.
 * Keeps what must never reach an auditor's eyes: the members' pseudonyms, their receipts and their ballots.
 *
 * @param ballots what each ballot allocates, as the ledger publishes it (the canonical JSON of its map over the objectives)
 */
record ConductedPanel(long id, String organiser, List<Session> members, Statement hidden, List<String> pseudonyms,
                      List<String> receipts, List<String> ballots) {

    static final String REASON = "names a private person (audit test)";

    static ConductedPanel create(Jdbi jdbi, String name) {
        PanelService panels = new PanelService(jdbi);
        MemberService seats = new MemberService(jdbi);
        StatementService statements = new StatementService(jdbi);
        CreatedPanel created = panels.create(name, List.of("relevance", "novelty", "provider_fairness"), "mean", false);
        long id = created.panel().id();
        String organiser = created.organiserToken();
        List<Session> members = new ArrayList<>();
        for (StratifiedInvitation i : new StrataService(jdbi).invite(id, organiser, "region,count\nNorth,2\nSouth,1\n")) {
            members.add(seats.join(i.token()));
        }
        members.add(seats.join(seats.invite(id, organiser, 1).getFirst()));
        panels.moveTo(id, organiser, Phase.DELIBERATE);
        Statement hidden = statements.post(id, members.get(0).token(), "My neighbour Jane Doe watches too much TV");
        statements.post(id, members.get(1).token(), "Show more regional news");
        statements.hide(id, organiser, hidden.id(), REASON);
        new DelegationService(jdbi).delegate(id, members.get(3).token(), members.get(2).member().voterId());
        panels.moveTo(id, organiser, Phase.VOTE);
        BallotService ballots = new BallotService(jdbi);
        List<String> receipts = new ArrayList<>(), published = new ArrayList<>();
        int[][] points = {{61, 27, 12}, {13, 58, 29}};
        for (int m = 0; m < points.length; m++) {
            var r = ballots.submit(id, members.get(m).token(), Map.of("relevance", points[m][0], "novelty", points[m][1], "provider_fairness", points[m][2]));
            receipts.add(r.receipt());
            Object content = content(org.mandate.objectives.json.Json.parse(r.ballot()));
            if (content == null) throw new IllegalStateException("no weights in the published ballot " + r.ballot());
            published.add(org.mandate.objectives.json.CanonicalJson.write(content));
        }
        return new ConductedPanel(id, organiser, List.copyOf(members), hidden, members.stream().map(s -> s.member().voterId()).toList(),
                List.copyOf(receipts), List.copyOf(published));
    }

    /** The part of a published ballot that says how the voter weighed the objectives: the map keyed by objective ids. */
    private static Object content(Object json) {
        if (json instanceof Map<?, ?> m) {
            if (m.containsKey("relevance")) return m;
            for (Object v : m.values()) {
                Object found = content(v);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** Fails when {@code html} shows a member's pseudonym, receipt or ballot, or the text of the hidden statement. */
    void assertBlind(String where, String html) {
        String text = html.replace("&quot;", "\"").replace("&#34;", "\"");
        for (String p : pseudonyms) org.junit.jupiter.api.Assertions.assertFalse(text.contains(p), where + " names a member's pseudonym " + p);
        for (String r : receipts) org.junit.jupiter.api.Assertions.assertFalse(text.contains(r), where + " shows a receipt");
        for (String b : ballots) org.junit.jupiter.api.Assertions.assertFalse(text.contains(b), where + " shows a ballot " + b);
        org.junit.jupiter.api.Assertions.assertFalse(text.contains("Jane Doe"), where + " shows the hidden statement's text");
    }
}

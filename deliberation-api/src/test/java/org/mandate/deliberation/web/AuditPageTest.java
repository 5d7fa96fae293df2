package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.web.WebPagesTest.Browser;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organise page's auditor invitations and the audit page over plain HTTP: who may read it, and that an auditor's page posts change nothing. */
class AuditPageTest extends EmbeddedWeb {

    private static final List<String> TABLES = List.of("panels", "invitations", "members", "sessions", "ledger", "ballots", "statements",
            "statement_votes", "statement_hidings", "delegations", "invitation_attributes", "member_attributes", "panel_sweeps", "vote_settings");
    private static final Pattern TOKEN = Pattern.compile("<code class=\"invitation\">([A-Za-z0-9_-]+)</code>");

    private static Map<String, Long> rows() {
        Map<String, Long> out = new TreeMap<>();
        for (String t : TABLES) out.put(t, count(t));
        return out;
    }

    private static Browser organiser(ConductedPanel panel) {
        Browser b = new Browser();
        b.get("/");
        assertEquals(303, b.post("/signin", Map.of("token", panel.organiser())).statusCode());
        return b;
    }

    private static List<String> tokens(HttpResponse<String> page) {
        Matcher m = TOKEN.matcher(page.body());
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void theInvitationFormSeatsMembersByDefaultAuditorsWhenAskedAndNothingElse() {
        ConductedPanel panel = ConductedPanel.create(jdbi, "Invitation roles");
        Browser organiser = organiser(panel);
        MemberService seats = new MemberService(jdbi);

        Map<String, Long> before = rows();
        for (String bad : List.of("organiser", "Auditor", "")) {
            HttpResponse<String> refused = organiser.post("/organise/invitations", Map.of("count", "1", "role", bad));
            assertEquals(422, refused.statusCode(), bad + ": " + refused.body());
        }
        HttpResponse<String> french = organiser.send("POST", "/organise/invitations", Map.of("count", "1", "role", "organiser", "csrf", organiser.csrf),
                "Accept-Language", "fr");
        assertTrue(french.body().contains("« role » doit valoir member ou auditor, reçu « organiser »"), french.body());
        assertEquals(before, rows(), "a refused seat choice creates no invitation");

        // a form without the choice (as before it existed) still invites members
        List<String> plain = tokens(organiser.post("/organise/invitations", Map.of("count", "2")));
        assertEquals(2, plain.size());
        assertEquals(Member.Role.MEMBER, seats.join(plain.getFirst()).member().role());
        HttpResponse<String> audit = organiser.post("/organise/invitations", Map.of("count", "1", "role", "auditor"));
        assertEquals(201, audit.statusCode());
        assertTrue(audit.body().contains("data-role=\"auditor\""));
        List<String> auditors = tokens(audit);
        assertEquals(1, auditors.size());
        assertEquals(Member.Role.AUDITOR, seats.join(auditors.getFirst()).member().role());
        assertEquals(5, seats.memberCount(panel.id()), "four seated members and the plain invitation's; the auditor does not count");
    }

    @Test
    void theAuditPageIsForTheAuditorAndTheOrganiserAndItsReaderCannotAct() {
        ConductedPanel panel = ConductedPanel.create(jdbi, "Audit access");
        String invitation = new MemberService(jdbi).invite(panel.id(), panel.organiser(), 1, Member.Role.AUDITOR).getFirst();
        Browser auditor = new Browser();
        auditor.get("/");
        HttpResponse<String> joined = auditor.post("/join", Map.of("token", invitation));
        assertEquals(303, joined.statusCode());
        assertEquals("/audit", joined.headers().firstValue("Location").orElseThrow(), "an auditor starts on the conduct page");

        HttpResponse<String> page = auditor.get("/audit");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(ConductedPanel.REASON));
        panel.assertBlind("/audit", page.body());
        HttpResponse<String> french = auditor.get("/audit", "Accept-Language", "fr");
        assertTrue(french.body().contains("<h1>Conduite du panel</h1>"), french.body());
        assertTrue(french.body().contains("Journal de modération"));
        assertEquals(200, organiser(panel).get("/audit").statusCode(), "the organiser reads the same page");
        assertEquals(401, new Browser().get("/audit").statusCode());
        HttpResponse<String> member = new Browser().joined(new MemberService(jdbi).invite(panel.id(), panel.organiser(), 1).getFirst()).get("/audit");
        assertEquals(403, member.statusCode(), "a member does not read turnout by stratum");

        // every page form, posted with the auditor's session and a valid CSRF token: refused, nothing written
        Map<String, Long> before = rows();
        Map<String, Map<String, String>> forms = new java.util.LinkedHashMap<>();
        forms.put("/organise/invitations", Map.of("count", "1", "role", "auditor"));
        forms.put("/organise/phase", Map.of("phase", "closed"));
        forms.put("/organise/tally", Map.of());
        forms.put("/organise/statements/" + panel.hidden().id() + "/hide", Map.of("reason", "again"));
        forms.put("/panel/statements", Map.of("text", "An auditor's opinion"));
        forms.put("/panel/vote", Map.of("points_relevance", "100", "points_novelty", "0", "points_provider_fairness", "0"));
        forms.put("/panel/delegation", Map.of("delegate", panel.pseudonyms().getFirst()));
        for (var f : forms.entrySet()) {
            HttpResponse<String> r = auditor.post(f.getKey(), f.getValue());
            assertEquals(403, r.statusCode(), f.getKey() + ": " + r.body());
            assertFalse(r.body().contains("id=\"receipt\""), f.getKey());
        }
        assertEquals(before, rows(), "an auditor's posts leave no trace");
    }
}

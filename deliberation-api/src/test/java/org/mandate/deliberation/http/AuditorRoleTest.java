package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SweepFixture;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.service.MemberService;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/** Issue #5: an auditor is invited like a member, reads what the organiser reads of the panel's conduct, never acts and never counts. */
class AuditorRoleTest extends EmbeddedApi {

    private static final List<String> OBJECTIVES = List.of("relevance", "novelty");
    private static final List<String> TABLES = List.of("panels", "invitations", "members", "sessions", "ledger", "ballots", "mandates",
            "statements", "statement_votes", "statement_hidings", "vote_settings", "delegations", "invitation_attributes",
            "member_attributes", "panel_sweeps", "training_runs");

    private static Map<String, Long> rows() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String t : TABLES) out.put(t, count(t));
        return out;
    }

    private static Reply ok(Reply r) {
        assertEquals(200, r.status(), r.body());
        return r;
    }

    private static long strataMembers(Reply turnout) {
        return ((List<?>) turnout.get("strata")).stream()
                .mapToLong(row -> ((Number) ((Map<?, ?>) row).get("members")).longValue()).sum();
    }

    @Test
    void anAuditorReadsTheConductButCannotActAndDoesNotCount() {
        PanelSeats p = api.panel(3, OBJECTIVES);
        String memberHandle = (String) ok(api.get("/api/me", p.members()[0])).get("voter_id");
        Reply turnoutBefore = ok(api.get(p.path("/strata"), p.organiser()));
        assertEquals(3, strataMembers(turnoutBefore));

        // a bad role, a member inviting, an unknown panel: refused and nothing written
        Map<String, Long> before = rows();
        assertProblem(api.post(p.path("/invitations"), p.organiser(), Map.of("count", 1, "role", "organiser")), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/invitations"), p.organiser(), Map.of("count", 1, "role", "Auditor")), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/invitations"), p.organiser(), Map.of("count", 1, "role", 7)), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/invitations"), p.members()[0], Map.of("count", 1, "role", "auditor")), 403, "/problems/forbidden");
        assertEquals(before, rows());

        Reply invited = api.post(p.path("/invitations"), p.organiser(), Map.of("count", 1, "role", "auditor"));
        assertEquals(201, invited.status(), invited.body());
        Reply joined = api.post("/api/join", null, Map.of("token", ((List<?>) invited.get("invitations")).getFirst()));
        assertEquals(201, joined.status(), joined.body());
        String auditor = (String) joined.get("session_token");
        String auditorHandle = (String) joined.get("voter_id");
        assertEquals("auditor", ok(api.get("/api/me", auditor)).get("role"));

        // the auditor is not a member: counts and turnout as before, and the auditor reads the same turnout as the organiser
        assertEquals(3, new MemberService(jdbi).memberCount(p.id()));
        Reply turnout = ok(api.get(p.path("/strata"), auditor));
        assertEquals(turnoutBefore.json(), turnout.json());
        assertEquals(turnoutBefore.json(), ok(api.get(p.path("/strata"), p.organiser())).json());
        assertProblem(api.get(p.path("/strata"), p.members()[1]), 403, "/problems/forbidden");

        api.phase(p, "deliberate");
        Reply statement = api.post(p.path("/statements"), p.members()[0], Map.of("text", "Show me more local news"));
        assertEquals(201, statement.status(), statement.body());
        long statementId = ((Number) ((Map<?, ?>) statement.get("statement")).get("id")).longValue();

        Map<String, Long> quiet = rows();
        assertProblem(api.post(p.path("/statements"), auditor, Map.of("text", "An auditor's opinion")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/statements/" + statementId + "/votes"), auditor, Map.of("vote", "agree")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/statements/" + statementId + "/hide"), auditor, Map.of("reason", "off topic")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/invitations"), auditor, Map.of("count", 1)), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/invitations"), auditor, Map.of("count", 1, "role", "auditor")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/strata"), auditor, Map.of("csv", "region,count\nNorth,1\n")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/vote-settings"), auditor, Map.of("kinds", List.of("weights"))), 403, "/problems/forbidden");
        assertProblem(api.send("PUT", p.path("/sweep"), auditor, SweepFixture.json(OBJECTIVES, 4)), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/phase"), auditor, Map.of("phase", "vote")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/delegation"), auditor, Map.of("delegate", memberHandle)), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/delegation/revoke"), auditor, Map.of()), 403, "/problems/forbidden");
        assertProblem(api.get(p.path("/delegation"), auditor), 403, "/problems/forbidden");
        // nobody can delegate to an auditor: the handle is not a member's
        assertProblem(api.post(p.path("/delegation"), p.members()[1], Map.of("delegate", auditorHandle)), 422, "/problems/invalid-request");
        assertEquals(quiet, rows(), "refused acts leave no trace");

        api.phase(p, "vote");
        quiet = rows();
        assertProblem(api.post(p.path("/ballots"), auditor, Map.of("points", Map.of("relevance", 60, "novelty", 40))), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/tally"), auditor, Map.of()), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/training-runs"), auditor, Map.of()), 403, "/problems/forbidden");
        assertEquals(quiet, rows(), "refused acts leave no trace");

        Reply ballot = api.post(p.path("/ballots"), p.members()[0], Map.of("points", Map.of("relevance", 70, "novelty", 30)));
        assertEquals(201, ballot.status(), ballot.body());
        Reply tally = ok(api.post(p.path("/tally"), p.organiser(), Map.of()));
        assertEquals(1L, ((Number) ((Map<?, ?>) tally.get("tally")).get("ballot_count")).longValue());
        assertFalse(tally.body().contains(auditorHandle), "the auditor is nowhere in the tally");

        // the reads: turnout (1 of the 3 members voted), vote settings, training runs, mandate, ledger
        Reply after = ok(api.get(p.path("/strata"), auditor));
        assertEquals(after.json(), ok(api.get(p.path("/strata"), p.organiser())).json());
        assertEquals(strataMembers(turnoutBefore), strataMembers(after));
        ok(api.get(p.path("/vote-settings"), auditor));
        ok(api.get(p.path("/training-runs"), auditor));
        ok(api.get(p.path("/mandate"), auditor));
        assertFalse(ok(api.get("/api/ledger", auditor)).body().contains(auditorHandle), "an auditor's seat is not in the ledger");
        assertEquals(3, new MemberService(jdbi).memberCount(p.id()));
    }

    @Test
    void theInvitationRoleIsInTheOpenApiDocument() {
        Map<?, ?> paths = (Map<?, ?>) ok(api.get("/openapi.json", null)).get("paths");
        String invite = String.valueOf(paths.get("/api/panels/{id}/invitations"));
        assertEquals(true, invite.contains("role") && invite.contains("auditor"), invite);
    }
}

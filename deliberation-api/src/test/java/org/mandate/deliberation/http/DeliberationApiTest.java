package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.objectives.json.Json;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/** Statements, statement votes, moderation, the opinion map and objective explanations over real HTTP. */
class DeliberationApiTest extends EmbeddedApi {

    private static long post(PanelSeats p, int member, String text) {
        Reply r = api.post(p.path("/statements"), p.members()[member], Map.of("text", text));
        assertEquals(201, r.status(), r.body());
        return ((Number) ((Map<?, ?>) r.get("statement")).get("id")).longValue();
    }

    private static void vote(PanelSeats p, int member, long statement, String stance) {
        Reply r = api.post(p.path("/statements/" + statement + "/votes"), p.members()[member], Map.of("vote", stance));
        assertEquals(201, r.status(), r.body());
    }

    @Test
    void membersDeliberateAndTheMapFindsTheTwoCamps() {
        PanelSeats p = api.panel(8, List.of("relevance", "novelty"));
        assertProblem(api.post(p.path("/statements"), p.members()[0], Map.of("text", "too early")), 409, "/problems/wrong-phase");
        api.phase(p, "deliberate");

        long popular = post(p, 0, "Recommend what people already like.");
        long discover = post(p, 1, "Show me programmes I would never find alone.");
        long bridge = post(p, 2, "Explain why a programme is recommended.");
        long wedge = post(p, 3, "Local productions deserve a guaranteed share.");
        // camp A = members 0-3 likes familiarity, camp B = 4-7 likes discovery; everyone wants explanations
        for (int m = 0; m < 8; m++) {
            boolean a = m < 4;
            if (m != 0) vote(p, m, popular, a ? "agree" : "disagree");
            if (m != 1) vote(p, m, discover, a ? "disagree" : "agree");
            if (m != 2) vote(p, m, bridge, "agree");
            if (m != 3) vote(p, m, wedge, a ? "pass" : "agree");
        }
        vote(p, 5, popular, "agree");
        vote(p, 5, popular, "disagree"); // changed their mind: only the latest vote counts

        assertProblem(api.post(p.path("/statements/" + popular + "/votes"), p.members()[0], Map.of("vote", "agree")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/statements"), p.organiser(), Map.of("text", "organisers moderate, members speak")), 403, "/problems/forbidden");

        Reply list = api.get(p.path("/statements"), p.members()[4]);
        assertEquals(200, list.status(), list.body());
        List<?> statements = (List<?>) list.get("statements");
        assertEquals(4, statements.size());
        Map<?, ?> first = (Map<?, ?>) statements.getFirst();
        assertEquals(bridge, ((Number) first.get("id")).longValue(), "the bridging statement ranks first");
        assertFalse(first.containsKey("author"), "statements do not reveal their author's voter id");
        Map<?, ?> pop = statements.stream().map(s -> (Map<?, ?>) s).filter(s -> ((Number) s.get("id")).longValue() == popular).findFirst().orElseThrow();
        assertEquals(3, ((Number) pop.get("agree")).intValue());
        assertEquals(4, ((Number) pop.get("disagree")).intValue(), "member 5's second vote replaced the first");
        assertEquals("disagree", pop.get("my_vote"));
        for (int i = 1; i < statements.size(); i++) {
            assertTrue(((Number) ((Map<?, ?>) statements.get(i - 1)).get("consensus")).doubleValue()
                    >= ((Number) ((Map<?, ?>) statements.get(i)).get("consensus")).doubleValue());
        }

        Reply map = api.get(p.path("/opinions"), p.members()[6]);
        assertEquals(200, map.status(), map.body());
        assertEquals(2, ((Number) map.get("k")).intValue(), map.body());
        List<?> participants = (List<?>) map.get("participants");
        assertEquals(8, participants.size());
        assertEquals(1, participants.stream().filter(x -> Boolean.TRUE.equals(((Map<?, ?>) x).get("you"))).count());
        assertFalse(map.body().contains("v-"), "no voter id appears in the map");
        Set<Object> groupsOfA = new HashSet<>(), groupsOfB = new HashSet<>();
        for (int i = 0; i < 8; i++) (i < 4 ? groupsOfA : groupsOfB).add(((Map<?, ?>) participants.get(i)).get("group"));
        assertEquals(1, groupsOfA.size());
        assertEquals(1, groupsOfB.size());
        assertFalse(groupsOfA.equals(groupsOfB));
        for (Object g : (List<?>) map.get("groups")) assertFalse(((List<?>) ((Map<?, ?>) g).get("representatives")).isEmpty());
        assertEquals(bridge, ((Number) ((Map<?, ?>) ((List<?>) map.get("consensus")).getFirst()).get("statement")).longValue());

        // seats only: no token, a forged token, a seat on another panel
        assertProblem(api.get(p.path("/opinions"), null), 401, "/problems/unauthorised");
        assertProblem(api.get(p.path("/statements"), "forged"), 401, "/problems/unauthorised");
        PanelSeats other = api.panel(1, List.of("relevance"));
        assertProblem(api.get(p.path("/opinions"), other.members()[0]), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/statements/" + popular + "/votes"), other.members()[0], Map.of("vote", "agree")), 403, "/problems/forbidden");
    }

    @Test
    void hidingAStatementIsLedgeredWithItsReasonAndTakesItOutOfTheCount() {
        PanelSeats p = api.panel(3, List.of("relevance", "novelty"));
        api.phase(p, "deliberate");
        long kept = post(p, 0, "Fewer repeats in my feed.");
        long abusive = post(p, 1, "Something insulting about another member.");
        vote(p, 2, abusive, "agree");
        vote(p, 2, kept, "agree");

        assertProblem(api.post(p.path("/statements/" + abusive + "/hide"), p.members()[0], Map.of("reason", "I dislike it")), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/statements/" + abusive + "/hide"), p.organiser(), Map.of("reason", "  ")), 422, "/problems/invalid-request");
        long ledgerBefore = count("ledger");
        Reply hidden = api.post(p.path("/statements/" + abusive + "/hide"), p.organiser(), Map.of("reason", "personal attack (rule 2)"));
        assertEquals(200, hidden.status(), hidden.body());
        assertEquals(ledgerBefore + 1, count("ledger"));
        Map<?, ?> entry = (Map<?, ?>) hidden.get("entry");
        assertEquals("moderation", entry.get("kind"));
        Map<String, Object> payload = Json.parseObject((String) entry.get("payload"));
        assertEquals("personal attack (rule 2)", payload.get("reason"));
        assertEquals(abusive, ((Number) payload.get("statement")).longValue());
        assertEquals("hide_statement", payload.get("action"));
        assertTrue(((Map<?, ?>) api.get("/api/ledger", null).get("verification")).get("ok").equals(true));

        assertProblem(api.post(p.path("/statements/" + abusive + "/hide"), p.organiser(), Map.of("reason", "again")), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/statements/" + abusive + "/votes"), p.members()[0], Map.of("vote", "agree")), 404, "/problems/not-found");

        List<?> statements = (List<?>) api.get(p.path("/statements"), p.members()[2]).get("statements");
        Map<?, ?> last = (Map<?, ?>) statements.getLast();
        assertEquals(abusive, ((Number) last.get("id")).longValue(), "hidden statements come last");
        assertEquals(true, last.get("hidden"));
        assertNull(last.get("text"), "a hidden statement's text is withheld");
        assertEquals("personal attack (rule 2)", last.get("hidden_reason"));
        List<?> consensus = (List<?>) api.get(p.path("/opinions"), p.members()[2]).get("consensus");
        assertEquals(1, consensus.size());
        assertEquals(kept, ((Number) ((Map<?, ?>) consensus.getFirst()).get("statement")).longValue());
    }

    @Test
    void objectivesAreExplainedInEnglishAndFrench() {
        Reply en = api.get("/api/objectives?lang=en", null);
        Reply fr = api.get("/api/objectives?lang=fr", null);
        assertEquals(200, en.status());
        List<?> eo = (List<?>) en.get("objectives"), fo = (List<?>) fr.get("objectives");
        assertEquals(eo.size(), fo.size());
        Map<?, ?> novelty = fo.stream().map(o -> (Map<?, ?>) o).filter(o -> o.get("id").equals("novelty")).findFirst().orElseThrow();
        assertEquals("Nouveauté", novelty.get("name"));
        assertTrue(((String) novelty.get("description")).length() > 20);
        assertEquals("fr", api.send("GET", "/api/objectives", null, null, "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("lang"));
        assertEquals("en", api.send("GET", "/api/objectives", null, null, "Accept-Language", "de-DE").get("lang"));
        assertProblem(api.get("/api/objectives?lang=de", null), 422, "/problems/invalid-request");
    }
}

package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.objectives.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Organisers, and the auditors they invite, never see how an individual voted. Ballots are public only pseudonymously (the ledger),
 * so what must hold is that nothing an organiser can read ties a pseudonym to a member: no response to
 * the organiser's token, on any read operation of the API, names a member's pseudonym or receipt, and
 * the ledger's ballot entries hold the pseudonym and the ballot, nothing that identifies the seat.
 */
class OrganiserBlindnessTest extends EmbeddedApi {

    private static final Pattern PSEUDONYM = Pattern.compile("v-[0-9a-f]{20}");

    @Test
    void noReadOperationGivesTheOrganiserAMembersPseudonymOrBallot() {
        Reply created = api.post("/api/panels", null, Map.of("name", "blind panel", "objectives", List.of("relevance", "novelty", "provider_fairness"),
                "rule", "mean", "allow_revision", true));
        long id = ((Number) ((Map<?, ?>) created.get("panel")).get("id")).longValue();
        String organiser = (String) created.get("organiser_token");
        String base = "/api/panels/" + id;
        List<?> invitations = (List<?>) api.post(base + "/strata", organiser, Map.of("csv", "region,count\nNorth,2\nSouth,1\n")).get("invitations");
        List<String> tokens = new ArrayList<>(), pseudonyms = new ArrayList<>(), receipts = new ArrayList<>();
        for (Object i : invitations) {
            Reply joined = api.post("/api/join", null, Map.of("token", ((Map<?, ?>) i).get("token")));
            tokens.add((String) joined.get("session_token"));
            pseudonyms.add((String) joined.get("voter_id"));
        }
        api.post(base + "/phase", organiser, Map.of("phase", "deliberate"));
        Reply statement = api.post(base + "/statements", tokens.get(0), Map.of("text", "Show me more local programmes."));
        long sid = ((Number) ((Map<?, ?>) statement.get("statement")).get("id")).longValue();
        api.post(base + "/statements/" + sid + "/votes", tokens.get(1), Map.of("vote", "agree"));
        api.post(base + "/statements/" + sid + "/votes", tokens.get(2), Map.of("vote", "disagree"));
        api.post(base + "/phase", organiser, Map.of("phase", "vote"));
        int[][] points = {{61, 27, 12}, {13, 58, 29}, {34, 33, 33}};
        for (int m = 0; m < 3; m++) {
            Reply cast = api.post(base + "/ballots", tokens.get(m), Map.of("points",
                    Map.of("relevance", points[m][0], "novelty", points[m][1], "provider_fairness", points[m][2])));
            assertEquals(201, cast.status(), cast.body());
            receipts.add((String) cast.get("receipt"));
        }

        // an auditor reads what the organiser reads, so is held to the same: the organiser invites one here
        Reply invited = api.post(base + "/invitations", organiser, Map.of("count", 1, "role", "auditor"));
        String auditor = (String) api.post("/api/join", null, Map.of("token", ((List<?>) invited.get("invitations")).getFirst())).get("session_token");
        for (String overseer : List.of(organiser, auditor)) {
            // every read operation of the API
            int read = 0;
            for (ApiRoute r : server.routes()) {
                if (!r.method().equals("GET") || r.path().equals("/api/ledger")) continue;
                String path = r.path().replace("{id}", String.valueOf(id)).replace("{statement}", String.valueOf(sid)).replace("{hash}", "0".repeat(64))
                        .replaceAll("\\{[a-z_]+}", "1");
                if (r.path().endsWith("/tradeoffs")) path += "?weights=relevance:1";
                Reply reply = api.get(path, overseer);
                assertTrue(reply.status() < 500, path + ": " + reply.body());
                for (String p : pseudonyms) assertFalse(reply.body().contains(p), path + " names a member's pseudonym: " + reply.body());
                for (String receipt : receipts) assertFalse(reply.body().contains(receipt), path + " names a member's receipt");
                read++;
            }
            assertTrue(read >= 8, "read operations checked: " + read);
            // nor the pages, the audit page included
            for (String page : List.of("/organise", "/audit", "/panel", "/panel/deliberate", "/panel/vote")) {
                Reply html = api.send("GET", page, null, null, "Cookie", "mandate_session=" + overseer);
                assertTrue(html.status() < 500, page);
                for (String p : pseudonyms) assertFalse(html.body().contains(p), page + " names a member's pseudonym");
                for (String receipt : receipts) assertFalse(html.body().contains(receipt), page + " names a member's receipt");
            }
            assertEquals(200, api.send("GET", "/audit", null, null, "Cookie", "mandate_session=" + overseer).status());
        }
        Reply strata = api.get(base + "/strata", organiser);
        assertFalse(PSEUDONYM.matcher(strata.body()).find(), strata.body());

        // the public ledger shows ballots under pseudonyms only: no seat, invitation or stratum
        int ballots = 0;
        for (Object e : (List<?>) api.get("/api/ledger", null).get("entries")) {
            Map<?, ?> entry = (Map<?, ?>) e;
            if (!"ballot".equals(entry.get("kind"))) continue;
            Map<String, Object> payload = Json.parseObject((String) entry.get("payload"));
            ballots++;
            assertTrue(PSEUDONYM.matcher(String.valueOf(payload.get("voter"))).matches(), payload.toString());
            for (String key : payload.keySet()) {
                assertFalse(key.contains("member") || key.contains("invitation") || key.contains("region") || key.contains("attribute")
                        || key.contains("session") || key.contains("token"), "ballot entry field " + key);
            }
            assertFalse(entry.get("payload").toString().contains("North") || entry.get("payload").toString().contains("South"), "no stratum in a ballot entry");
        }
        assertEquals(3, ballots);
    }
}

package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.objectives.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertClientProblem;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/** The API's edges: its OpenAPI document, rate limits, CORS, and fuzzed bad input that must never get a 5xx or leave state. */
class ApiHardeningTest extends EmbeddedApi {

    @Test
    void everyRegisteredRouteIsInTheOpenApiDocumentAndNothingElse() {
        Reply doc = api.get("/openapi.json", null);
        assertEquals(200, doc.status());
        assertTrue(doc.contentType().startsWith("application/json"));
        Map<String, Object> json = doc.json();
        assertEquals("3.1.0", json.get("openapi"));
        Map<?, ?> paths = (Map<?, ?>) json.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> ((Map<?, ?>) ops).keySet().forEach(m -> documented.add(((String) m).toUpperCase() + " " + path)));
        Set<String> registered = new TreeSet<>();
        for (ApiRoute r : server.routes()) {
            registered.add(r.method() + " " + r.path());
            // registered for real: the router answers something other than its own "no such route"
            Reply probe = api.send(r.method(), r.path().replaceAll("\\{[a-z]+}", "1"), null, r.method().equals("POST") ? "{}" : null);
            assertFalse(probe.status() == 404 && probe.body().contains("there is no " + r.method()), r.path() + " is not routed: " + probe.body());
            assertTrue(probe.status() < 500, r.path() + ": " + probe.body());
        }
        assertEquals(registered, documented);
        for (String op : List.of("POST /api/panels/{id}/statements", "POST /api/panels/{id}/statements/{statement}/votes",
                "POST /api/panels/{id}/statements/{statement}/hide", "GET /api/panels/{id}/opinions", "GET /api/objectives")) {
            assertTrue(registered.contains(op), op);
        }

        Reply docs = api.get("/docs", null);
        assertEquals(200, docs.status());
        assertTrue(docs.contentType().startsWith("text/html"));
        for (ApiRoute r : server.routes()) assertTrue(docs.body().contains("id=\"op-" + r.operationId() + "\""), r.operationId());
        assertFalse(docs.body().contains("http://") && docs.body().contains("cdn"), "the docs page loads nothing from a CDN");
    }

    @Test
    void eachTokenHasItsOwnBucketAndAnEmptyOneAnswers429() {
        try (ApiServer tight = new ApiServer(jdbi, new RateLimiter(3, 0.01)).start("127.0.0.1", 0)) {
            ApiClient c = new ApiClient(tight.port());
            for (int i = 0; i < 3; i++) assertEquals(401, c.get("/api/me", "token-one").status());
            Reply limited = c.get("/api/me", "token-one");
            assertProblem(limited, 429, "/problems/rate-limited");
            assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
            assertEquals(401, c.get("/api/me", "token-two").status(), "another token is not limited by the first");
        }
    }

    @Test
    void corsIsOffByDefault() {
        Reply r = api.send("GET", "/api/objectives", null, null, "Origin", "https://elsewhere.example");
        assertEquals(200, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
        Reply preflight = api.send("OPTIONS", "/api/panels", null, null, "Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "POST");
        assertNull(preflight.header("Access-Control-Allow-Origin"));
        assertNull(preflight.header("Access-Control-Allow-Methods"));
    }

    @Test
    void hostileInputIsAlwaysA4xxProblemAndLeavesNoTrace() {
        PanelSeats p = api.panel(2, List.of("relevance", "novelty"));
        api.phase(p, "deliberate");
        Reply posted = api.post(p.path("/statements"), p.members()[0], Map.of("text", "A fair statement."));
        long sid = ((Number) ((Map<?, ?>) posted.get("statement")).get("id")).longValue();
        String member = p.members()[1];
        long statements = count("statements"), votes = count("statement_votes"), ledger = count("ledger"), ballots = count("ballots");

        List<Reply> replies = new ArrayList<>();
        String[] malformed = {"", "{", "[]", "null", "42", "\"text\"", "{\"text\": }", "{} {}", "{\"text\": \"a\", \"text\": \"b\"}",
                "{\"text\": NaN}", "{\"vote\": Infinity}", "\u0000", "{\"text\": \"\\ud800\"", "{'text': 'single quotes'}"};
        for (String body : malformed) {
            replies.add(api.post(p.path("/statements"), member, body));
            replies.add(api.post(p.path("/statements/" + sid + "/votes"), member, body));
            replies.add(api.post(p.path("/statements/" + sid + "/hide"), p.organiser(), body));
        }
        Object[] wrongTypes = {5, true, List.of("a"), Map.of("x", 1), -1.5, 1e308};
        for (Object v : wrongTypes) {
            replies.add(api.post(p.path("/statements"), member, Map.of("text", v)));
            replies.add(api.post(p.path("/statements/" + sid + "/votes"), member, Map.of("vote", v)));
            replies.add(api.post(p.path("/statements/" + sid + "/hide"), p.organiser(), Map.of("reason", v)));
        }
        for (String stance : List.of("AGREE", "yes", "1", "", "agree ", "agree'; --")) {
            replies.add(api.post(p.path("/statements/" + sid + "/votes"), member, Map.of("vote", stance)));
        }
        replies.add(api.post(p.path("/statements"), member, Map.of("text", "x".repeat(281))));
        replies.add(api.post(p.path("/statements"), member, Map.of("text", "   ")));
        replies.add(api.post(p.path("/statements"), member, Map.of("text", "nul\u0000byte")));
        replies.add(api.post(p.path("/statements"), member, "{\"text\": \"lone \\ud800 surrogate\"}"));
        replies.add(api.post(p.path("/statements/" + sid + "/hide"), p.organiser(), Map.of("reason", "nul\u0000byte")));
        replies.add(api.post(p.path("/statements/" + sid + "/hide"), p.organiser(), "{\"reason\": \"\\udc00\"}"));
        replies.add(api.post(p.path("/statements/" + sid + "/hide"), p.organiser(), Map.of("reason", "r".repeat(501))));
        replies.add(api.post("/api/panels", null, Map.of("name", "nul\u0000", "objectives", List.of("relevance"), "rule", "mean")));
        replies.add(api.post(p.path("/statements"), member, "{\"text\": \"" + "y".repeat(ApiServer.MAX_BODY_BYTES) + "\"}"));
        // wrong role, wrong panel, forged and missing tokens, unknown ids, SQL in the path
        replies.add(api.post(p.path("/statements"), p.organiser(), Map.of("text", "organiser speaking")));
        replies.add(api.post(p.path("/statements/" + sid + "/hide"), member, Map.of("reason", "members cannot hide")));
        replies.add(api.post(p.path("/statements/" + sid + "/votes"), p.members()[0], Map.of("vote", "agree")));
        replies.add(api.post(p.path("/statements"), "forged' OR '1'='1", Map.of("text", "forged")));
        replies.add(api.post(p.path("/statements"), null, Map.of("text", "anonymous")));
        replies.add(api.post(p.path("/statements/999999/votes"), member, Map.of("vote", "agree")));
        replies.add(api.post(p.path("/statements/1%20OR%201=1/votes"), member, Map.of("vote", "agree")));
        replies.add(api.post("/api/panels/1;DROP%20TABLE%20statements/statements", member, Map.of("text", "x")));
        replies.add(api.post("/api/panels/99999999/statements", member, Map.of("text", "x")));
        replies.add(api.get("/api/panels/99999999/opinions", member));
        replies.add(api.post(p.path("/ballots"), member, "{\"points\": {\"relevance\": 50, \"novelty\": 50}}")); // wrong phase
        for (String weights : List.of("{\"relevance\": -10, \"novelty\": 110}", "{\"relevance\": 1e999}", "{\"relevance\": \"NaN\"}",
                "{\"relevance\": \"Infinity\", \"novelty\": 0}", "{\"relevance\": 100, \"engagement'; DROP TABLE ballots; --\": 0}")) {
            replies.add(api.post(p.path("/ballots"), member, "{\"points\": " + weights + "}"));
        }

        for (Reply r : replies) assertClientProblem(r);
        assertTrue(replies.size() > 80, "cases: " + replies.size());
        assertEquals(statements, count("statements"), "no refused request wrote a statement");
        assertEquals(votes, count("statement_votes"));
        assertEquals(ledger, count("ledger"));
        assertEquals(ballots, count("ballots"));

        // seeded random mutations of valid bodies: truncations and flipped characters are refused as
        // problems (a mutation that is still valid, e.g. a changed letter in the text, may be accepted)
        Random random = new Random(42);
        String[] valid = {"{\"text\":\"fine words\"}", "{\"vote\":\"agree\"}", "{\"reason\":\"off topic\"}"};
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            char[] body = valid[i % 3].toCharArray();
            int cut = 1 + random.nextInt(body.length - 1);
            char[] mutated = java.util.Arrays.copyOf(body, cut);
            if (random.nextBoolean()) mutated[random.nextInt(cut)] = (char) (random.nextInt(0x60) + 0x20);
            String target = switch (i % 3) {
                case 0 -> p.path("/statements");
                case 1 -> p.path("/statements/" + sid + "/votes");
                default -> p.path("/statements/" + sid + "/hide");
            };
            Reply r = api.post(target, i % 3 == 2 ? p.organiser() : member, new String(mutated));
            if (r.status() >= 200 && r.status() < 300) continue;
            assertClientProblem(r);
            refused++;
        }
        assertTrue(refused > 50, "truncated JSON is refused: " + refused);
    }

    @Test
    void sqlMetacharactersAreStoredAsTextNotRun() {
        PanelSeats p = api.panel(2, List.of("relevance", "novelty"));
        api.phase(p, "deliberate");
        String text = "Robert'); DROP TABLE statements; -- \" OR 1=1 <script>alert(1)</script>";
        Reply r = api.post(p.path("/statements"), p.members()[0], Map.of("text", text));
        assertEquals(201, r.status(), r.body());
        List<?> listed = (List<?>) api.get(p.path("/statements"), p.members()[1]).get("statements");
        assertEquals(text, ((Map<?, ?>) listed.getFirst()).get("text"));
        assertTrue(count("statements") >= 1, "the table is still there");
        Reply hide = api.post(p.path("/statements/" + ((Map<?, ?>) r.get("statement")).get("id") + "/hide"), p.organiser(),
                Map.of("reason", "'; DELETE FROM ledger; --"));
        assertEquals(200, hide.status());
        assertEquals("'; DELETE FROM ledger; --", Json.parseObject((String) ((Map<?, ?>) hide.get("entry")).get("payload")).get("reason"));
        assertNotEquals(0, count("ledger"));
    }
}

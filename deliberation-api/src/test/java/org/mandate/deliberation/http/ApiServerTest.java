package org.mandate.deliberation.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on a random loopback port, over real HTTP, against the real database. */
class ApiServerTest extends EmbeddedDatabase {

    private static ApiServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        server = new ApiServer(jdbi).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    record Reply(int status, String contentType, Map<String, Object> json) {
        Object get(String key) { return json.get(key); }
    }

    private static Reply send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), Json.parseObject(r.body()));
    }

    private static Reply post(String path, String token, Object body) throws IOException, InterruptedException {
        return send("POST", path, token, body instanceof String s ? s : CanonicalJson.write(body));
    }

    private static Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    private static void assertProblem(Reply r, int status, String type) {
        assertEquals(status, r.status(), () -> "body: " + r.json());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(type, r.get("type"), () -> "body: " + r.json());
        assertEquals(((Number) r.get("status")).intValue(), status);
        assertTrue(r.get("title") instanceof String);
        assertTrue(r.get("detail") instanceof String);
    }

    /** A panel in phase vote with one joined member: {panelId, organiserToken, memberToken}. */
    private static Object[] votingPanel(boolean allowRevision) throws Exception {
        Reply created = post("/api/panels", null, Map.of("name", "http panel", "objectives", List.of("relevance", "novelty", "provider_fairness"),
                "rule", "independent_markets", "allow_revision", allowRevision));
        assertEquals(201, created.status(), created.json()::toString);
        long id = ((Number) ((Map<?, ?>) created.get("panel")).get("id")).longValue();
        String organiser = (String) created.get("organiser_token");
        Reply invited = post("/api/panels/" + id + "/invitations", organiser, Map.of("count", 1));
        assertEquals(201, invited.status(), invited.json()::toString);
        String invitation = (String) ((List<?>) invited.get("invitations")).getFirst();
        Reply joined = post("/api/join", null, Map.of("token", invitation));
        assertEquals(201, joined.status(), joined.json()::toString);
        Reply phase = post("/api/panels/" + id + "/phase", organiser, Map.of("phase", "vote"));
        assertEquals(200, phase.status(), phase.json()::toString);
        return new Object[]{id, organiser, joined.get("session_token")};
    }

    @Test
    void happyPathFromPanelToMandateAndReceipt() throws Exception {
        Reply created = post("/api/panels", null, Map.of("name", "Broadcaster panel", "objectives", List.of("relevance", "novelty"),
                "rule", "mean", "allow_revision", false));
        assertEquals(201, created.status());
        Map<?, ?> panel = (Map<?, ?>) created.get("panel");
        assertEquals("learn", panel.get("phase"));
        long id = ((Number) panel.get("id")).longValue();
        String organiser = (String) created.get("organiser_token");

        Reply invited = post("/api/panels/" + id + "/invitations", organiser, Map.of("count", 3));
        assertEquals(201, invited.status());
        List<?> invitations = (List<?>) invited.get("invitations");
        assertEquals(3, invitations.size());
        String[] sessions = new String[3];
        for (int i = 0; i < 3; i++) {
            Reply joined = post("/api/join", null, Map.of("token", invitations.get(i)));
            assertEquals(201, joined.status());
            assertEquals(id, ((Number) joined.get("panel")).longValue());
            sessions[i] = (String) joined.get("session_token");
        }
        assertProblem(post("/api/join", null, Map.of("token", invitations.getFirst())), 401, "/problems/unauthorised");

        assertEquals("vote", ((Map<?, ?>) post("/api/panels/" + id + "/phase", organiser, Map.of("phase", "vote")).get("panel")).get("phase"));
        String[] receipts = new String[3];
        int[] relevance = {80, 60, 40};
        for (int i = 0; i < 3; i++) {
            Reply ballot = post("/api/panels/" + id + "/ballots", sessions[i], "{\"points\": {\"relevance\": " + relevance[i] + ", \"novelty\": " + (100 - relevance[i]) + "}}");
            assertEquals(201, ballot.status(), ballot.json()::toString);
            receipts[i] = (String) ballot.get("receipt");
            assertEquals(CanonicalJson.sha256Hex(((String) ballot.get("ballot")).getBytes(StandardCharsets.UTF_8)), receipts[i]);
        }

        assertProblem(get("/api/panels/" + id + "/mandate"), 404, "/problems/not-found");
        Reply tally = post("/api/panels/" + id + "/tally", organiser, "");
        assertEquals(200, tally.status(), tally.json()::toString);
        Map<?, ?> weights = (Map<?, ?>) ((Map<?, ?>) tally.get("mandate")).get("weights");
        assertEquals(0.6, ((Number) weights.get("relevance")).doubleValue(), 1e-9);
        assertEquals(0.4, ((Number) weights.get("novelty")).doubleValue(), 1e-9);

        Reply mandate = get("/api/panels/" + id + "/mandate");
        assertEquals(200, mandate.status());
        assertEquals(tally.json(), mandate.json());
        assertEquals(CanonicalJson.sha256(mandate.get("mandate")), mandate.get("mandate_hash"));

        Reply receipt = get("/api/receipts/" + receipts[1]);
        assertEquals(200, receipt.status());
        assertEquals(true, receipt.get("in_record"));
        assertEquals(true, receipt.get("counts"));
        String payload = (String) ((Map<?, ?>) receipt.get("entry")).get("payload");
        assertEquals(receipts[1], Json.parseObject(payload).get("receipt"));
        assertProblem(get("/api/receipts/" + "f".repeat(64)), 404, "/problems/not-found");
        assertProblem(get("/api/receipts/not-a-hash"), 404, "/problems/not-found");

        Reply ledger = get("/api/ledger");
        assertEquals(200, ledger.status());
        assertEquals(true, ((Map<?, ?>) ledger.get("verification")).get("ok"));
        List<?> entries = (List<?>) ledger.get("entries");
        assertTrue(entries.stream().anyMatch(e -> ((Map<?, ?>) e).get("kind").equals("mandate")));
        assertProblem(post("/api/panels/" + id + "/tally", organiser, ""), 409, "/problems/already-tallied");
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() throws Exception {
        Object[] p = votingPanel(false);
        String path = "/api/panels/" + p[0] + "/ballots";
        long ballots = count("ballots"), ledger = count("ledger");
        assertProblem(post(path, (String) p[2], "{\"points\": {\"relevance\": 100"), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], "not json at all"), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], "{\"points\": {\"relevance\": 50, \"relevance\": 50}}"), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], "{\"points\": {\"relevance\": NaN}}"), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], "[1, 2]"), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], "{} {}"), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], ""), 400, "/problems/malformed-json");
        assertProblem(post(path, (String) p[2], "{\"votes\": {}}"), 422, "/problems/invalid-request");
        assertProblem(post("/api/panels", null, "{\"name\": 5}"), 422, "/problems/invalid-request");
        assertProblem(post("/api/panels", null, Map.of("name", "x", "objectives", List.of("engagement"), "rule", "mean")), 422, "/problems/invalid-request");
        String huge = "{\"points\": {\"relevance\": \"" + "x".repeat(ApiServer.MAX_BODY_BYTES) + "\"}}";
        assertProblem(post(path, (String) p[2], huge), 413, "/problems/payload-too-large");
        assertEquals(ballots, count("ballots"));
        assertEquals(ledger, count("ledger"));
    }

    @Test
    void badWeightsAreRejectedWithTheirReasonAndLeaveNoTrace() throws Exception {
        Object[] p = votingPanel(false);
        String path = "/api/panels/" + p[0] + "/ballots";
        String token = (String) p[2];
        long ballots = count("ballots"), ledger = count("ledger");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": 120, \"novelty\": -20}}"), 422, "/problems/negative-weight");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": \"NaN\"}}"), 422, "/problems/weight-not-finite");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": 1e400}}"), 422, "/problems/weight-not-finite");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": null}}"), 422, "/problems/weight-not-finite");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": 100000000000000000000000000000000, \"novelty\": 0}}"), 422, "/problems/weights-do-not-sum");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": 50, \"novelty\": 20}}"), 422, "/problems/weights-do-not-sum");
        assertProblem(post(path, token, "{\"points\": {\"relevance\": 50, \"engagement\": 50}}"), 422, "/problems/unknown-objective");
        assertProblem(post(path, token, "{\"points\": {}}"), 422, "/problems/empty-ballot");
        assertEquals(ballots, count("ballots"));
        assertEquals(ledger, count("ledger"));

        assertEquals(201, post(path, token, "{\"points\": {\"relevance\": 100}}").status());
        assertProblem(post(path, token, "{\"points\": {\"novelty\": 100}}"), 409, "/problems/already-voted");
        assertEquals(ballots + 1, count("ballots"));
    }

    @Test
    void missingOrForgedTokensAndWrongPhaseAreProblems() throws Exception {
        Object[] p = votingPanel(false);
        long id = (long) p[0];
        String ballot = "{\"points\": {\"relevance\": 100}}";
        assertProblem(post("/api/panels/" + id + "/ballots", null, ballot), 401, "/problems/unauthorised");
        assertProblem(post("/api/panels/" + id + "/ballots", "forged-token", ballot), 401, "/problems/unauthorised");
        assertProblem(post("/api/panels/" + id + "/tally", (String) p[2], ""), 403, "/problems/forbidden");
        assertProblem(post("/api/panels/" + id + "/invitations", null, Map.of("count", 1)), 401, "/problems/unauthorised");
        assertProblem(post("/api/panels/" + id + "/phase", "forged-token", Map.of("phase", "closed")), 401, "/problems/unauthorised");
        assertProblem(post("/api/panels/" + id + "/phase", (String) p[1], Map.of("phase", "learn")), 409, "/problems/wrong-phase");
        assertProblem(post("/api/panels/" + id + "/phase", (String) p[1], Map.of("phase", "recess")), 422, "/problems/invalid-request");
        assertEquals(200, post("/api/panels/" + id + "/phase", (String) p[1], Map.of("phase", "closed")).status());
        assertProblem(post("/api/panels/" + id + "/ballots", (String) p[2], ballot), 409, "/problems/wrong-phase");
        assertProblem(post("/api/panels/" + id + "/tally", (String) p[1], ""), 409, "/problems/no-ballots");

        Reply learning = post("/api/panels", null, Map.of("name", "early", "objectives", List.of("relevance"), "rule", "mean"));
        long early = ((Number) ((Map<?, ?>) learning.get("panel")).get("id")).longValue();
        String organiser = (String) learning.get("organiser_token");
        String invitation = (String) ((List<?>) post("/api/panels/" + early + "/invitations", organiser, Map.of("count", 1)).get("invitations")).getFirst();
        String member = (String) post("/api/join", null, Map.of("token", invitation)).get("session_token");
        assertProblem(post("/api/panels/" + early + "/ballots", member, ballot), 409, "/problems/wrong-phase");
        assertProblem(post("/api/panels/" + early + "/tally", organiser, ""), 409, "/problems/wrong-phase");

        assertProblem(post("/api/panels/99999999/ballots", member, ballot), 404, "/problems/not-found");
        assertProblem(get("/api/panels/abc/mandate"), 404, "/problems/not-found");
        assertProblem(get("/api/panels/99999999/mandate"), 404, "/problems/not-found");
        assertProblem(get("/api/nowhere"), 404, "/problems/not-found");
        assertEquals(200, get("/api/panels/" + early).status());
    }
}

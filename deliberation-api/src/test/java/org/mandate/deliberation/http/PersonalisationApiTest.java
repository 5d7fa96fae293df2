package org.mandate.deliberation.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.jobs.TrainingSettings;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.train.TrainerConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/**
 * The personalisation rule from the panel to the served list, over real HTTP with real training: the organiser fixes
 * it with the vote settings before voting (ledgered), the tally writes it into the mandate (so the mandate's hash
 * covers it), and recommendations accept user weights inside it and refuse the rest with stable problem types.
 */
class PersonalisationApiTest extends EmbeddedDatabase {

    private static final List<String> MENU = List.of("relevance", "novelty", "provider_fairness");

    @TempDir
    static Path artifacts;

    private static ApiServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServer() {
        // As TrainingRunApiTest: 200 items × 400 users, 16 hidden units, 2 epochs — a run takes a few seconds.
        TrainingSettings s = TrainingSettings.synthetic(200, 400, 5, new TrainerConfig(16, 2, 100, 1e-2, 0.5, 5, 10, 2), artifacts);
        server = new ApiServer(jdbi, new RateLimiter(100_000, 100_000),
                new TrainingSettings(s.data(), s.description(), s.seed(), s.trainer(), s.artifacts(), 60)).start("127.0.0.1", 0);
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void usersMayMoveTheVotedWeightsOnlyAsFarAsThePanelAllowed() throws Exception {
        PanelSeats p = api.panel(3, MENU);
        Map<String, Object> rule = Map.of("max_shift", 0.2, "locked", List.of("provider_fairness"));

        // Refused settings leave nothing behind; the rule is checked against the panel's menu.
        long ledger = count("ledger");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights"),
                "personalisation", Map.of("max_shift", 1.5))), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights"),
                "personalisation", Map.of("max_shift", 0.2, "locked", List.of("public_value")))), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights"),
                "personalisation", Map.of("locked", List.of("novelty")))), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights"),
                "personalisation", Map.of("max_shift", 0.2, "lock", List.of()))), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/vote-settings"), p.members()[0], Map.of("kinds", List.of("weights"), "personalisation", rule)),
                403, "/problems/forbidden");
        assertEquals(ledger, count("ledger"));

        // Fixed before voting, in the ledger's vote_settings entry.
        Reply set = api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights"), "personalisation", rule));
        assertEquals(201, set.status(), set.body());
        Map<?, ?> expected = Map.of("max_shift", 0.2, "locked", List.of("provider_fairness"));
        assertEquals(expected, ((Map<?, ?>) set.get("settings")).get("personalisation"));
        assertEquals(expected, ((Map<?, ?>) ((Map<?, ?>) api.get(p.path("/vote-settings"), null).get("settings")).get("personalisation")));
        String entry = jdbi.withHandle(h -> h.createQuery("SELECT payload FROM ledger WHERE kind = 'vote_settings' ORDER BY seq DESC LIMIT 1")
                .mapTo(String.class).one());
        assertEquals(expected, ((Map<?, ?>) ((Map<?, ?>) Json.parseObject(entry).get("settings")).get("personalisation")), entry);

        api.phase(p, "deliberate");
        api.phase(p, "vote");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights"))), 409, "/problems/wrong-phase");
        List<Map<String, Integer>> ballots = List.of(Map.of("relevance", 60, "novelty", 20, "provider_fairness", 20),
                Map.of("relevance", 40, "novelty", 40, "provider_fairness", 20), Map.of("relevance", 50, "novelty", 10, "provider_fairness", 40));
        for (int i = 0; i < 3; i++) assertEquals(201, api.post(p.path("/ballots"), p.members()[i], Map.of("points", ballots.get(i))).status());
        assertEquals(200, api.post(p.path("/tally"), p.organiser(), "").status());

        // The published mandate carries the rule, and its hash covers it.
        Reply published = api.get(p.path("/mandate"), null);
        Map<?, ?> mandateJson = (Map<?, ?>) published.get("mandate");
        assertEquals(expected, mandateJson.get("personalisation"));
        Mandate mandate = Mandate.fromJson(CanonicalJson.write(mandateJson));
        assertEquals(0.2, mandate.personalisation().maxShift());
        assertEquals(published.get("mandate_hash"), mandate.sha256());
        assertTrue(!mandate.withPersonalisation(null).sha256().equals(mandate.sha256()), "the hash must change with the rule");
        assertEquals(true, ((Map<?, ?>) api.get("/api/ledger", null).get("verification")).get("ok"));

        Reply started = api.post(p.path("/training-runs"), p.organiser(), "");
        assertEquals(202, started.status(), started.body());
        long run = ((Number) ((Map<?, ?>) started.get("training_run")).get("id")).longValue();
        Map<?, ?> done = pollUntilFinished(run);
        assertEquals("succeeded", done.get("state"), done.toString());
        assertEquals(published.get("mandate_hash"), done.get("mandate_hash"));

        TreeMap<String, Double> voted = new TreeMap<>(mandate.weights());
        assertTrue(voted.get("relevance") >= 0.35, "the ballots give relevance the largest weight: " + voted);

        // Within the rule: 0.1 moved from relevance to novelty (shift 0.1 ≤ 0.2), and raising the locked objective.
        Reply within = api.get(p.path("/recommendations?user=3&weights=" + moved(voted, "relevance", "novelty", 0.1)), null);
        assertEquals(200, within.status(), within.body());
        assertEquals(0.1, ((Number) within.get("shift")).doubleValue(), 1e-6);
        assertEquals(10, ((List<?>) within.get("items")).size());
        assertEquals(voted.get("novelty") + 0.1, ((Number) ((Map<?, ?>) within.get("weights")).get("novelty")).doubleValue(), 1e-6);
        Reply raised = api.get(p.path("/recommendations?user=3&weights=" + moved(voted, "relevance", "provider_fairness", 0.15)), null);
        assertEquals(200, raised.status(), raised.body());
        assertEquals(0.15, ((Number) raised.get("shift")).doubleValue(), 1e-6);

        // Beyond it: a shift of 0.3, and lowering provider_fairness (even by a little), as stable problem types.
        assertProblem(api.get(p.path("/recommendations?user=3&weights=" + moved(voted, "relevance", "novelty", 0.3)), null), 422,
                "/problems/shift-too-large");
        assertProblem(api.get(p.path("/recommendations?user=3&weights=" + moved(voted, "provider_fairness", "relevance", 0.05)), null), 422,
                "/problems/locked-objective-lowered");
    }

    /** The voted weights with {@code amount} moved from one objective to another, as the query parameter. */
    private static String moved(TreeMap<String, Double> voted, String from, String to, double amount) {
        TreeMap<String, Double> w = new TreeMap<>(voted);
        w.merge(from, -amount, Double::sum);
        w.merge(to, amount, Double::sum);
        StringBuilder out = new StringBuilder();
        w.forEach((k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append(':').append(v));
        return out.toString();
    }

    private static Map<?, ?> pollUntilFinished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<?, ?> job = (Map<?, ?>) api.get("/api/training-runs/" + id, null).get("training_run");
            if (job.get("state").equals("succeeded") || job.get("state").equals("failed")) return job;
            Thread.sleep(200);
        }
        throw new AssertionError("training run " + id + " did not finish in 3 minutes");
    }
}

package org.mandate.deliberation.http;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.jobs.TrainingSettings;
import org.mandate.objectives.json.Json;
import org.mandate.training.train.TrainerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/**
 * Training runs and recommendations over real HTTP, against the embedded PostgreSQL, with real DL4J training on a
 * tiny synthetic catalogue: trigger, poll, serve; the refusals; and what a new server does with the runs a dead one
 * left running (resuming from checkpoints is {@link TimedTrainingRunApiTest}'s).
 */
class TrainingRunApiTest extends EmbeddedDatabase {

    private static final List<String> MENU = List.of("relevance", "novelty", "provider_fairness");

    @TempDir
    static Path artifacts;

    private static ApiServer server;
    private static ApiClient api;

    /** 200 items × 400 users, 16 hidden units: a run (3 calibrations + training) takes a few seconds. */
    private static TrainingSettings settings(int epochs) {
        TrainingSettings s = TrainingSettings.synthetic(200, 400, 5, new TrainerConfig(16, epochs, 100, 1e-2, 0.5, 5, 10, epochs), artifacts);
        return new TrainingSettings(s.data(), s.description(), s.seed(), s.trainer(), s.artifacts(), 60);
    }

    private static ApiServer start(TrainingSettings settings) {
        return new ApiServer(jdbi, new RateLimiter(100_000, 100_000), settings).start("127.0.0.1", 0);
    }

    @BeforeAll
    static void startServer() {
        server = start(settings(2));
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    /** A panel of three members who voted; tallied when {@code tally}. */
    private static PanelSeats votedPanel(boolean tally) {
        PanelSeats p = api.panel(3, MENU);
        api.phase(p, "deliberate");
        api.phase(p, "vote");
        List<Map<String, Integer>> ballots = List.of(Map.of("relevance", 60, "novelty", 20, "provider_fairness", 20),
                Map.of("relevance", 40, "novelty", 40, "provider_fairness", 20), Map.of("relevance", 50, "novelty", 10, "provider_fairness", 40));
        for (int i = 0; i < 3; i++) {
            Reply r = api.post(p.path("/ballots"), p.members()[i], Map.of("points", ballots.get(i)));
            assertEquals(201, r.status(), r.body());
        }
        if (tally) assertEquals(200, api.post(p.path("/tally"), p.organiser(), "").status());
        return p;
    }

    private static Map<?, ?> run(Reply r) {
        return (Map<?, ?>) r.get("training_run");
    }

    private static Map<?, ?> pollUntilFinished(ApiClient client, long id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            Reply r = client.get("/api/training-runs/" + id, null);
            assertEquals(200, r.status(), r.body());
            Map<?, ?> job = run(r);
            if (job.get("state").equals("succeeded") || job.get("state").equals("failed")) return job;
            Thread.sleep(200);
        }
        throw new AssertionError("training run " + id + " did not finish in 3 minutes");
    }

    private static List<?> items(Reply r) {
        assertEquals(200, r.status(), r.body());
        return ((List<?>) r.get("items")).stream().map(i -> ((Map<?, ?>) i).get("item")).toList();
    }

    @Test
    void aTriggeredRunTrainsInTheBackgroundIsLedgeredAndServesRecommendations() throws Exception {
        PanelSeats p = votedPanel(true);
        assertProblem(api.get(p.path("/recommendations?user=3"), null), 404, "/problems/no-model");
        long ledgerBefore = count("ledger");

        Reply started = api.post(p.path("/training-runs"), p.organiser(), "");
        assertEquals(202, started.status(), started.body());
        long id = ((Number) run(started).get("id")).longValue();
        assertEquals("/api/training-runs/" + id, started.header("Location"));
        assertTrue(List.of("queued", "running").contains(run(started).get("state")), started.body());

        Map<?, ?> done = pollUntilFinished(api, id);
        assertEquals("succeeded", done.get("state"), done.toString());
        assertEquals("done", ((Map<?, ?>) done.get("progress")).get("step"));
        Map<?, ?> mandate = (Map<?, ?>) api.get(p.path("/mandate"), null).json();
        assertEquals(mandate.get("mandate_hash"), done.get("mandate_hash"));

        // Both ledger entries, appended with the success, naming the mandate and the model's hash.
        assertEquals(ledgerBefore + 2, count("ledger"));
        List<?> entries = (List<?>) api.get("/api/ledger", null).get("entries");
        Map<?, ?> trainingEntry = (Map<?, ?>) entries.get(((Number) done.get("training_run_seq")).intValue());
        Map<?, ?> evaluationEntry = (Map<?, ?>) entries.get(((Number) done.get("evaluation_seq")).intValue());
        assertEquals("training_run", trainingEntry.get("kind"));
        assertEquals("evaluation", evaluationEntry.get("kind"));
        Map<String, Object> manifest = (Map<String, Object>) Json.parseObject((String) trainingEntry.get("payload")).get("manifest");
        assertEquals(done.get("model_sha256"), manifest.get("model_sha256"));
        assertEquals(done.get("mandate_hash"), manifest.get("mandate_sha256"));
        assertTrue(((Map<?, ?>) api.get("/api/ledger", null).get("verification")).get("ok").equals(true));
        assertTrue(Files.isRegularFile(artifacts.resolve("panel-" + p.id()).resolve("run-" + id).resolve("parameters.bin")));

        // Personal lists, for the voted weights (given or not), differ between users.
        Reply three = api.get(p.path("/recommendations?user=3"), null);
        assertEquals(10, items(three).size());
        assertEquals(id, ((Number) three.get("training_run")).longValue());
        assertEquals("personal", three.get("mode"));
        Map<?, ?> voted = (Map<?, ?>) three.get("weights");
        StringBuilder same = new StringBuilder();
        voted.forEach((k, v) -> same.append(same.isEmpty() ? "" : ",").append(k).append(':').append(v));
        assertEquals(items(three), items(api.get(p.path("/recommendations?user=3&weights=" + same), null)));
        assertNotEquals(items(three), items(api.get(p.path("/recommendations?user=4"), null)));
        assertEquals(5, items(api.get(p.path("/recommendations?user=3&k=5"), null)).size());

        // The shared list not based on profiling: the same for everyone, no user needed.
        List<?> shared = items(api.get(p.path("/recommendations?mode=non-profiling"), null));
        assertEquals(shared, items(api.get(p.path("/recommendations?mode=non-profiling&user=3"), null)));
        assertEquals(shared, items(api.get(p.path("/recommendations?mode=non-profiling&user=4"), null)));

        // Refusals, as problems with stable types. A panel's mandate carries no personalisation: other weights are refused.
        assertProblem(api.get(p.path("/recommendations?user=3&weights=relevance:0.3,novelty:0.5,provider_fairness:0.2"), null), 422,
                "/problems/personalisation-not-allowed");
        assertProblem(api.get(p.path("/recommendations?user=3&weights=relevance:0.5,watch_time:0.5"), null), 422, "/problems/unknown-objective");
        assertProblem(api.get(p.path("/recommendations?user=3&weights=relevance:0.5,novelty:0.2"), null), 422, "/problems/not-on-simplex");
        assertProblem(api.get(p.path("/recommendations?user=3&weights=relevance:NaN"), null), 422, "/problems/invalid-weight");
        assertProblem(api.get(p.path("/recommendations?user=3&weights=relevance=1"), null), 400, "/problems/invalid-weights");
        assertProblem(api.get(p.path("/recommendations?user=3&weights=relevance:lots"), null), 400, "/problems/invalid-weights");
        assertProblem(api.get(p.path("/recommendations?user=3&k=0"), null), 400, "/problems/invalid-k");
        assertProblem(api.get(p.path("/recommendations?user=x"), null), 400, "/problems/invalid-user");
        assertProblem(api.get(p.path("/recommendations?user=400"), null), 404, "/problems/unknown-user");
        assertProblem(api.get(p.path("/recommendations"), null), 400, "/problems/missing-user");
        assertProblem(api.get(p.path("/recommendations?user=3&mode=chronological"), null), 400, "/problems/invalid-mode");
        assertProblem(api.get("/api/panels/999999/recommendations?user=3", null), 404, "/problems/not-found");

        Reply listed = api.get(p.path("/training-runs"), null);
        assertEquals(200, listed.status());
        assertEquals(1, ((List<?>) listed.get("training_runs")).size());
    }

    @Test
    void onlyTheOrganiserStartsARunAndOnlyOnceTheMandateIsPublished() {
        PanelSeats p = votedPanel(false);
        long before = count("training_runs");
        assertProblem(api.post(p.path("/training-runs"), p.organiser(), ""), 409, "/problems/no-mandate");
        assertProblem(api.post(p.path("/training-runs"), p.members()[0], ""), 403, "/problems/forbidden");
        assertProblem(api.post(p.path("/training-runs"), null, ""), 401, "/problems/unauthorised");
        PanelSeats other = votedPanel(true);
        assertProblem(api.post(p.path("/training-runs"), other.organiser(), ""), 403, "/problems/forbidden");
        assertProblem(api.post("/api/panels/999999/training-runs", p.organiser(), ""), 404, "/problems/not-found");
        assertProblem(api.get("/api/training-runs/999999", null), 404, "/problems/not-found");
        assertProblem(api.get("/api/training-runs/abc", null), 404, "/problems/not-found");
        assertEquals(before, count("training_runs"), "a refused request leaves no job behind");
    }

    /** A row as a server that died mid-run leaves it: running, started, no worker. */
    private static long runningRow(long panelId, String mandateHash, int restarts) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO training_runs (panel_id, mandate_hash, state, step, epoch, epochs, started_at, restarts)
                        VALUES (:p, :m, 'running', 'training', 1, 2, now(), :r) RETURNING id""")
                .bind("p", panelId).bind("m", mandateHash).bind("r", restarts).mapTo(Long.class).one());
    }

    @Test
    void runsLeftRunningByADeadServerAreQueuedAgainUnlessTheyDiedTooOftenOrTheirMandateIsGone() throws Exception {
        PanelSeats p = votedPanel(true);
        String mandate = (String) ((Map<?, ?>) api.get(p.path("/mandate"), null).json()).get("mandate_hash");
        long diedTooOften = runningRow(p.id(), mandate, 3);
        long otherMandate = runningRow(p.id(), "ab".repeat(32), 0);
        long alive = runningRow(p.id(), mandate, 0);
        ApiServer second;
        try (Handle liveWorker = jdbi.open()) {
            // Another server's worker still holds this job's liveness lock (TrainingJobStore.LOCK_CLASS, "MJOB").
            assertTrue(liveWorker.createQuery("SELECT pg_try_advisory_lock(:c, :o)").bind("c", 0x4D4A4F42).bind("o", (int) alive)
                    .mapTo(Boolean.class).one());
            second = start(settings(2));
            ApiClient client = new ApiClient(second.port());
            Map<?, ?> tooOften = run(client.get("/api/training-runs/" + diedTooOften, null));
            assertEquals("failed", tooOften.get("state"), tooOften.toString());
            assertTrue(((String) tooOften.get("error")).startsWith("interrupted: its server stopped while it ran 4 times"), tooOften.toString());
            assertNotNull(tooOften.get("finished_at"));

            // Queued again by the new server, then refused by its worker: the panel never published that mandate.
            Map<?, ?> gone = pollUntilFinished(client, otherMandate);
            assertEquals("failed", gone.get("state"), gone.toString());
            assertEquals(1, ((Number) gone.get("restarts")).intValue());
            assertTrue(((String) gone.get("error")).contains("a run never trains under another mandate"), gone.toString());

            Map<?, ?> held = run(client.get("/api/training-runs/" + alive, null));
            assertEquals("running", held.get("state"), "a job whose worker lives is left to it: " + held);
            assertEquals(0, ((Number) held.get("restarts")).intValue());
            liveWorker.createQuery("SELECT pg_advisory_unlock(:c, :o)").bind("c", 0x4D4A4F42).bind("o", (int) alive).mapTo(Boolean.class).one();
        }
        try {
            // Its worker gone, the next read queues it again and this server trains it; no checkpoint was left, so from the start.
            ApiClient client = new ApiClient(second.port());
            Map<?, ?> requeued = run(client.get("/api/training-runs/" + alive, null));
            assertTrue(List.of("queued", "running", "succeeded").contains(requeued.get("state")), requeued.toString());
            Map<?, ?> done = pollUntilFinished(client, alive);
            assertEquals("succeeded", done.get("state"), done.toString());
            assertEquals(1, ((Number) done.get("restarts")).intValue());
            Map<?, ?> resumed = (Map<?, ?>) done.get("resumed_at");
            assertEquals("calibration:novelty", resumed.get("step"), done.toString());
            assertEquals(1, ((Number) resumed.get("epoch")).intValue(), done.toString());
        } finally {
            second.close();
        }
    }
}

package org.mandate.deliberation.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.jobs.TrainingData;
import org.mandate.deliberation.jobs.TrainingSettings;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.LoadOptions;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.data.TimedInteractions;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.train.CheckpointStore;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training runs under a whole mandate, over real HTTP against the embedded PostgreSQL with real DL4J training on a
 * tiny catalogue: an interaction-age limit applied on timed data and ledgered in the manifest, refused on data without
 * timestamps, and a run cut short by a server stop resumed from its checkpoints by the next server, ending with the
 * model an uninterrupted run gives.
 */
class TimedTrainingRunApiTest extends EmbeddedDatabase {

    private static final List<String> MENU = List.of("relevance", "novelty", "provider_fairness");
    private static final int AGE_LIMIT_DAYS = 365;
    private static final long SEED = 5;
    /** 2024-01-01T00:00:00Z: the synthetic interactions spread over the two years after it. */
    private static final long START = 1_704_067_200L;

    @TempDir
    static Path artifacts;

    private static TimedInteractions timed;

    /**
     * The synthetic catalogue (200 items × 400 users) with timestamps spread over two years, as an export would carry
     * them: most users have old and recent interactions, so a one-year limit removes about half of them; every tenth
     * user watched only in the first 300 days, so the limit leaves them nothing.
     */
    @BeforeAll
    static void timedData() {
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(SEED).withSize(200, 400));
        long[][] times = new long[data.userCount()][];
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < data.userCount(); u++) {
            ids.add("viewer-" + u);
            int n = data.histories()[u].length;
            times[u] = new long[n];
            long span = u % 10 == 0 ? 300 : 730;
            for (int j = 0; j < n; j++) times[u][j] = START + ((u * 37L + j * 131L) % span) * 86_400L + j;
        }
        timed = new TimedInteractions(data, ids, times, List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP,
                LoadOptions.GENRE, LoadOptions.PROVIDER_GROUP, LoadOptions.LOCAL));
    }

    private static TrainerConfig trainer(int epochs) {
        return new TrainerConfig(16, epochs, 100, 1e-2, 0.5, SEED, 10, epochs);
    }

    private static TrainingSettings timedSettings(int epochs) {
        return TrainingSettings.timed(() -> timed, "timed synthetic export (test)", SEED, trainer(epochs), artifacts, 60);
    }

    private static ApiServer start(TrainingSettings settings) {
        return new ApiServer(jdbi, new RateLimiter(100_000, 100_000), settings).start("127.0.0.1", 0);
    }

    /**
     * Publishes a mandate with an interaction-age limit for the panel, as a tally would (tally entry, mandate entry,
     * {@code mandates} row), keeping this test about training rather than voting (AgeLimitApiTest votes one end to end);
     * the training jobs read it exactly as a tallied one.
     */
    private static Mandate publishAgeLimited(long panelId) {
        // Two weighted objectives: two calibration runs and the training, so a run is three short phases.
        TreeMap<String, Double> weights = new TreeMap<>(Map.of("relevance", 0.7, "novelty", 0.3, "provider_fairness", 0.0));
        TallyRecord record = new TallyRecord("test-fixture", 1, Map.of(), MENU, 3, "0".repeat(64), weights);
        Mandate mandate = Mandate.fromTally(record, List.of(), new DataUseRules(List.of(), AGE_LIMIT_DAYS), null,
                "panel " + panelId + ", age-limited test mandate");
        LedgerStore ledger = new LedgerStore(jdbi);
        jdbi.useTransaction(h -> {
            TallyComputed tally = new TallyComputed(panelId, record);
            long tallySeq = ledger.append(h, tally.kind(), tally.canonicalJson()).seq();
            MandatePublished published = new MandatePublished(panelId, mandate);
            long mandateSeq = ledger.append(h, published.kind(), published.canonicalJson()).seq();
            h.createUpdate("INSERT INTO mandates (panel_id, tally_seq, mandate_seq, mandate_hash) VALUES (:p, :t, :m, :h)")
                    .bind("p", panelId).bind("t", tallySeq).bind("m", mandateSeq).bind("h", mandate.sha256()).execute();
        });
        return mandate;
    }

    private static long startRun(ApiClient client, PanelSeats p) {
        Reply started = client.post(p.path("/training-runs"), p.organiser(), "");
        assertEquals(202, started.status(), started.body());
        return ((Number) run(started).get("id")).longValue();
    }

    private static Map<?, ?> run(Reply r) {
        return (Map<?, ?>) r.get("training_run");
    }

    private static Map<?, ?> pollUntilFinished(ApiClient client, long id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Reply r = client.get("/api/training-runs/" + id, null);
            assertEquals(200, r.status(), r.body());
            Map<?, ?> job = run(r);
            if (job.get("state").equals("succeeded") || job.get("state").equals("failed")) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("training run " + id + " did not finish in 2 minutes");
    }

    private static Map<?, ?> ledgeredManifest(ApiClient client, Map<?, ?> done) {
        List<?> entries = (List<?>) client.get("/api/ledger", null).get("entries");
        Map<?, ?> entry = (Map<?, ?>) entries.get(((Number) done.get("training_run_seq")).intValue());
        assertEquals("training_run", entry.get("kind"));
        return (Map<?, ?>) Json.parseObject((String) entry.get("payload")).get("manifest");
    }

    @Test
    void anAgeLimitedMandateTrainsOnTimedDataWithOldInteractionsRemovedAndLedgered() throws Exception {
        ApiServer server = start(timedSettings(1));
        try {
            ApiClient api = new ApiClient(server.port());
            PanelSeats p = api.panel(3, MENU);
            Mandate mandate = publishAgeLimited(p.id());
            long id = startRun(api, p);
            Map<?, ?> done = pollUntilFinished(api, id);
            assertEquals("succeeded", done.get("state"), done.toString());
            assertEquals(mandate.sha256(), done.get("mandate_hash"));
            assertEquals(0, ((Number) done.get("restarts")).intValue());
            assertNull(done.get("resumed_at"));

            Map<?, ?> manifest = ledgeredManifest(api, done);
            assertEquals(done.get("model_sha256"), manifest.get("model_sha256"));
            Map<?, ?> dataUse = (Map<?, ?>) manifest.get("data_use");
            assertEquals(AGE_LIMIT_DAYS, ((Number) dataUse.get("max_interaction_age_days")).intValue());
            Map<?, ?> filter = (Map<?, ?>) dataUse.get("age_filter");
            assertNotNull(filter, manifest.toString());
            long before = ((Number) filter.get("interactions_before")).longValue();
            long removed = ((Number) filter.get("interactions_removed")).longValue();
            assertEquals(timed.data().interactionCount(), before);
            assertTrue(removed > before / 4 && removed < before, "a one-year limit on two years removes a good part: " + filter);
            assertEquals(40, ((Number) filter.get("users_removed")).intValue(), filter.toString());
            // Ages count from the newest interaction, as `mandate train` counts them.
            assertEquals(timed.newestTimestamp(), ((Number) filter.get("reference_epoch_second")).longValue());
            assertNotEquals(timed.data().sha256(), manifest.get("data_sha256"), "the run trained on the filtered data, not all of it");
            assertTrue(((List<?>) manifest.get("data_fields_read")).contains(LoadOptions.TIMESTAMP));
            assertFalse(Files.exists(artifacts.resolve("panel-" + p.id()).resolve("run-" + id).resolve("checkpoints")),
                    "a finished run's checkpoints are removed");

            // Served from the filtered data: lists for users, the run's model.
            Reply list = api.get(p.path("/recommendations?user=3"), null);
            assertEquals(200, list.status(), list.body());
            assertEquals(10, ((List<?>) list.get("items")).size());
            assertEquals(id, ((Number) list.get("training_run")).longValue());
            // Users 0 and 10 watched different things, but only long ago: the limit leaves both without history.
            assertFalse(java.util.Arrays.equals(timed.data().histories()[0], timed.data().histories()[10]));
            Reply zero = api.get(p.path("/recommendations?user=0"), null);
            assertEquals(200, zero.status(), zero.body());
            assertEquals(zero.get("items"), api.get(p.path("/recommendations?user=10"), null).get("items"));
            assertNotEquals(zero.get("items"), list.get("items"));
        } finally {
            server.close();
        }
    }

    @Test
    void anAgeLimitOnDataWithoutTimestampsFailsTheRunClearly() throws Exception {
        ApiServer server = start(TrainingSettings.synthetic(200, 400, SEED, trainer(1), artifacts));
        try {
            ApiClient api = new ApiClient(server.port());
            PanelSeats p = api.panel(3, MENU);
            publishAgeLimited(p.id());
            long ledgerBefore = count("ledger");
            long id = startRun(api, p);
            Map<?, ?> done = pollUntilFinished(api, id);
            assertEquals("failed", done.get("state"), done.toString());
            String error = (String) done.get("error");
            assertTrue(error.contains("last " + AGE_LIMIT_DAYS + " days") && error.contains("no timestamps")
                    && error.contains("refusing to train"), error);
            assertNull(done.get("model_sha256"));
            assertEquals(ledgerBefore, count("ledger"), "a refused run records no training");
            assertFalse(Files.exists(artifacts.resolve("panel-" + p.id()).resolve("run-" + id).resolve("parameters.bin")));
        } finally {
            server.close();
        }
    }

    @Test
    void aRunCutShortByAServerStopResumesFromItsCheckpointsToTheUninterruptedModel() throws Exception {
        int epochs = 3; // 2 calibration runs + the training, 3 epochs each
        PanelSeats p;
        long id;
        Path checkpoints;
        Map<?, ?> seen;
        ApiServer first = start(timedSettings(epochs));
        try {
            ApiClient client = new ApiClient(first.port());
            p = client.panel(3, MENU);
            publishAgeLimited(p.id());
            id = startRun(client, p);
            checkpoints = artifacts.resolve("panel-" + p.id()).resolve("run-" + id).resolve("checkpoints");
            long deadline = System.nanoTime() + 60_000_000_000L;
            do {
                Thread.sleep(50);
                seen = run(client.get("/api/training-runs/" + id, null));
            } while (!(seen.get("state").equals("running") && ((Number) ((Map<?, ?>) seen.get("progress")).get("epoch")).intValue() >= 1)
                    && System.nanoTime() < deadline);
            assertEquals("running", seen.get("state"), seen.toString());
        } finally {
            first.close(); // stops the worker after its next checkpointed epoch
        }
        assertEquals("running", jdbi.withHandle(h -> h.createQuery("SELECT state FROM training_runs WHERE id = :id").bind("id", id)
                .mapTo(String.class).one()), "a stopped server leaves its run as a crash would");
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".ckpt")), "an epoch was checkpointed before the stop");
        }

        ApiServer second = start(timedSettings(epochs));
        Map<?, ?> done;
        try {
            ApiClient client = new ApiClient(second.port());
            done = pollUntilFinished(client, id);
            assertEquals("succeeded", done.get("state"), done.toString());
            assertEquals(1, ((Number) done.get("restarts")).intValue());
            Map<?, ?> resumed = (Map<?, ?>) done.get("resumed_at");
            assertNotNull(resumed, done.toString());
            // The restart did not train from the start: the first calibration's first epoch came from a checkpoint.
            assertFalse(resumed.get("step").equals("calibration:novelty") && ((Number) resumed.get("epoch")).intValue() == 1, resumed.toString());
            Map<?, ?> manifest = ledgeredManifest(client, done);
            assertEquals(done.get("model_sha256"), manifest.get("model_sha256"));
            assertNotNull(((Map<?, ?>) manifest.get("data_use")).get("age_filter"));
        } finally {
            second.close();
        }

        // The same mandate, data, reference and seed, trained in one go. Into a fresh checkpoint directory: a checkpointed
        // run measures its own calibration rows instead of reusing those the resumed run left in the in-memory cache.
        Mandate mandate = Mandate.fromJson(Files.readString(artifacts.resolve("panel-" + p.id()).resolve("run-" + id).resolve("mandate.json")));
        assertEquals(done.get("mandate_hash"), mandate.sha256());
        TrainingData.Timed data = TrainingData.Timed.asOfNewest(timed);
        TrainingResult uninterrupted = TrainingRun.execute(timed, data.reference(), SEED, mandate, trainer(epochs), ProgressListener.NONE,
                CheckpointStore.in(Files.createTempDirectory(artifacts, "uninterrupted"), false));
        assertEquals(Instant.ofEpochSecond(timed.newestTimestamp()), data.reference());
        assertEquals(uninterrupted.manifest().modelSha256(), done.get("model_sha256"), "resumed bit for bit");
    }
}

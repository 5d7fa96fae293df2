package org.mandate.deliberation.jobs;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.TimedInteractions;
import org.mandate.training.run.AgeFilter;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.serve.Recommendation;
import org.mandate.training.serve.RecommendationRequest;
import org.mandate.training.serve.Recommender;
import org.mandate.training.serve.WeightsRefused;
import org.mandate.training.split.HoldoutSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lists from trained models: a panel's latest succeeded run, loaded from its artifact directory once (the hash-checked
 * parameters, the mandate beside them) and kept as a {@link Recommender} per run. A user is a user index of the
 * server's data set; their history is read from it under the run's mandate: with an interaction-age limit, only the
 * interactions the run's age filter kept (same reference instant), so serving never reads what training could not.
 */
public final class ServedModels {

    /** The mandate a run was trained under, written beside its model artifact. */
    public static final String MANDATE = "mandate.json";

    /** A loaded run: its recommender and, per user of the server's data, the history it may read. */
    private record Served(Recommender recommender, int[][] histories) {}

    private final Supplier<TrainingData> data;
    private final TrainingSettings settings;
    private final Map<Long, Served> loaded = new ConcurrentHashMap<>();

    ServedModels(Supplier<TrainingData> data, TrainingSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    /**
     * The list for {@code user} (ignored, may be null, in non-profiling mode) from run {@code job}.
     *
     * @param weights the user's weights, or null for the mandate's
     * @throws JobProblem unknown user (404), weights the mandate does not allow (422), a model that does not match the
     *                    server's data (409)
     */
    public Recommendation recommend(TrainingJob job, Integer user, Map<String, Double> weights, RecommendationRequest.Mode mode, int k) {
        Served served = loaded.computeIfAbsent(job.id(), id -> load(job));
        Recommender recommender = served.recommender();
        int[] history = new int[0];
        if (mode == RecommendationRequest.Mode.PERSONAL) {
            if (user == null) throw new JobProblem("missing-user", "Missing user", 400, "a personal list needs ?user=<index>; or ask for mode=non-profiling");
            int users = served.histories().length;
            if (user < 0 || user >= users) {
                throw new JobProblem("unknown-user", "Unknown user", 404, "there is no user " + user + "; users are 0.." + (users - 1));
            }
            history = served.histories()[user];
        }
        try {
            return recommender.recommend(new RecommendationRequest(history, weights == null ? null : new java.util.TreeMap<>(weights), mode, k));
        } catch (WeightsRefused e) {
            throw new JobProblem(e.reason().slug(), "Weights not allowed by the mandate", 422, e.getMessage());
        }
    }

    /** What a listed item is: its id in the data set, genre, provider group and public-value tag. */
    public Map<String, Object> describe(int item) {
        var catalogue = data.get().all().catalogue();
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("item", item);
        json.put("id", catalogue.itemIds().get(item));
        json.put("genre", catalogue.genres().get(catalogue.genre()[item]));
        json.put("provider_group", catalogue.providerGroups().get(catalogue.providerGroup()[item]));
        json.put("local", catalogue.local()[item]);
        return json;
    }

    /** Loads run {@code job}'s model now, so that its first request is served at once. */
    void warm(TrainingJob job) {
        loaded.computeIfAbsent(job.id(), id -> load(job));
    }

    private Served load(TrainingJob job) {
        Path dir = Path.of(job.artifactDir());
        ModelArtifact artifact;
        Mandate mandate;
        try {
            artifact = ModelArtifact.load(dir);
            mandate = Mandate.fromJson(Files.readString(dir.resolve(MANDATE), StandardCharsets.UTF_8));
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw new JobProblem("model-unavailable", "The model cannot be read", 409,
                    "the model of training run " + job.id() + " cannot be read from " + dir + ": " + e.getMessage());
        }
        if (!mandate.sha256().equals(job.mandateHash())) {
            throw new JobProblem("model-unavailable", "The model cannot be read", 409, dir.resolve(MANDATE) + " is not the mandate run " + job.id() + " trained under");
        }
        TrainingData source = data.get();
        InteractionData all = source.all();
        int[][] histories = all.histories();
        InteractionData trainedOn = all;
        Integer days = mandate.dataUse().maxInteractionAgeDays();
        if (days != null && source instanceof TrainingData.Timed timed) {
            AgeFilter.Result kept = AgeFilter.apply(timed.interactions(), days, timed.reference());
            trainedOn = kept.kept().data();
            histories = keptHistories(timed.interactions(), kept.kept());
        }
        if (!trainedOn.sha256().equals(artifact.manifest().get("data_sha256"))) {
            throw new JobProblem("model-data-mismatch", "The model was trained on other data", 409,
                    "training run " + job.id() + " was trained on other data than this server serves; train again");
        }
        long splitSeed = ((Number) ((Map<?, ?>) artifact.manifest().get("split")).get("seed")).longValue();
        InteractionData training = HoldoutSplit.standard(trainedOn, splitSeed).trainingData(trainedOn);
        return new Served(new Recommender(artifact.model(), mandate, training, settings.servingSample(), settings.seed()), histories);
    }

    /** Per user of {@code all}, the interactions the age filter kept ({@code kept} keeps user ids, drops emptied users). */
    private static int[][] keptHistories(TimedInteractions all, TimedInteractions kept) {
        Map<String, int[]> byId = new java.util.HashMap<>();
        for (int u = 0; u < kept.userIds().size(); u++) byId.put(kept.userIds().get(u), kept.data().histories()[u]);
        int[][] out = new int[all.userIds().size()][];
        for (int u = 0; u < out.length; u++) out[u] = byId.getOrDefault(all.userIds().get(u), new int[0]);
        return out;
    }
}

package org.mandate.deliberation.jobs;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
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
 * server's data set; their history is read from it.
 */
public final class ServedModels {

    /** The mandate a run was trained under, written beside its model artifact. */
    public static final String MANDATE = "mandate.json";

    private final Supplier<InteractionData> data;
    private final TrainingSettings settings;
    private final Map<Long, Recommender> loaded = new ConcurrentHashMap<>();

    ServedModels(Supplier<InteractionData> data, TrainingSettings settings) {
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
        Recommender recommender = loaded.computeIfAbsent(job.id(), id -> load(job));
        int[] history = new int[0];
        if (mode == RecommendationRequest.Mode.PERSONAL) {
            InteractionData all = data.get();
            if (user == null) throw new JobProblem("missing-user", "Missing user", 400, "a personal list needs ?user=<index>; or ask for mode=non-profiling");
            if (user < 0 || user >= all.userCount()) {
                throw new JobProblem("unknown-user", "Unknown user", 404, "there is no user " + user + "; users are 0.." + (all.userCount() - 1));
            }
            history = all.histories()[user];
        }
        try {
            return recommender.recommend(new RecommendationRequest(history, weights == null ? null : new java.util.TreeMap<>(weights), mode, k));
        } catch (WeightsRefused e) {
            throw new JobProblem(e.reason().slug(), "Weights not allowed by the mandate", 422, e.getMessage());
        }
    }

    /** What a listed item is: its id in the data set, genre, provider group and public-value tag. */
    public Map<String, Object> describe(int item) {
        var catalogue = data.get().catalogue();
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

    private Recommender load(TrainingJob job) {
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
        InteractionData all = data.get();
        if (!all.sha256().equals(artifact.manifest().get("data_sha256"))) {
            throw new JobProblem("model-data-mismatch", "The model was trained on other data", 409,
                    "training run " + job.id() + " was trained on other data than this server serves; train again");
        }
        InteractionData training = HoldoutSplit.standard(all, ((Number) ((Map<?, ?>) artifact.manifest().get("split")).get("seed")).longValue()).trainingData(all);
        return new Recommender(artifact.model(), mandate, training, settings.servingSample(), settings.seed());
    }
}

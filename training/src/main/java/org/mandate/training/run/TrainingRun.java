package org.mandate.training.run;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.TimedInteractions;
import org.mandate.training.eval.Baselines;
import org.mandate.training.eval.BoundCheck;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.Calibration;
import org.mandate.training.train.CheckpointStore;
import org.mandate.training.train.MetricEstimate;
import org.mandate.training.train.PayoffTable;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.Trainer;
import org.mandate.training.train.TrainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The one call that trains a model under a mandate. Usage (what {@code app demo} does):
 *
 * <pre>{@code
 * InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(42));
 * HoldoutSplit split = HoldoutSplit.standard(data, 42);
 * TrainerConfig config = TrainerConfig.defaults(42);
 * TrainingResult baseline = TrainingRun.execute(data, split, Mandate.relevanceOnly(), config, ProgressListener.NONE);
 * TrainingResult voted = TrainingRun.execute(data, split, mandate, config,
 *         (phase, epoch, epochs, loss, s) -> System.out.printf("%s %d/%d loss %.4f%n", phase, epoch, epochs, loss));
 * ModelArtifact.write(voted, Path.of("runs/voted"));
 * double ndcg = voted.evaluation().value(Relevance.ID);
 * }</pre>
 *
 * Steps: check the mandate's data-use rules against the fields this run reads and, for timed data, remove the
 * interactions older than its age limit; measure popularity on the training users; calibrate the payoff table (one single-objective run per mandated term, as long as the training, cached);
 * train on the scalarised normalised terms w_i·ĝ_i, ĝ_i = (g_i − ideal_i)/(nadir_i − ideal_i) (by default the smooth
 * weighted Chebyshev μ·log Σ exp(w_i·ĝ_i/μ) + ρ·Σ w_i·ĝ_i, see {@link org.mandate.training.model.Scalarisation};
 * its name and parameters are in the manifest's hyper-parameters); evaluate every catalogue objective on the held-out
 * users and check each floor and ceiling there; hash the parameters and write the manifest. Floors and ceilings are
 * enforced during training by an {@link org.mandate.training.train.AugmentedLagrangian}; with a
 * {@link CheckpointStore} every epoch (of calibration and training) is saved and a crashed run resumes bit for bit.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /** Every data field a run reads; a mandate forbidding any of them is refused, not silently ignored. */
    public static final List<String> DATA_FIELDS_READ = List.of("interactions.user", "interactions.item", "items.provider_group");

    private TrainingRun() {}

    public static TrainingResult execute(InteractionData data, HoldoutSplit split, Mandate mandate, TrainerConfig config,
                                         ProgressListener progress) {
        return execute(data, split, mandate, config, progress, CheckpointStore.NONE);
    }

    /**
     * Trains on data without timestamps, so a mandate with an interaction-age limit is refused (use
     * {@link #execute(TimedInteractions, Instant, long, Mandate, TrainerConfig, ProgressListener, CheckpointStore)}).
     *
     * @param checkpoints where each epoch is saved, and resumed from when the store is resuming
     */
    public static TrainingResult execute(InteractionData data, HoldoutSplit split, Mandate mandate, TrainerConfig config,
                                         ProgressListener progress, CheckpointStore checkpoints) {
        checkForbiddenFields(mandate, DATA_FIELDS_READ);
        if (mandate.dataUse().maxInteractionAgeDays() != null) {
            throw new IllegalArgumentException("the mandate limits interaction age, but this data has no timestamps; "
                    + "refusing to train (pass timed interactions and a reference instant)");
        }
        checkSplit(data, split);
        return run(data, split, mandate, config, progress, checkpoints, DATA_FIELDS_READ, dataUse(mandate, null));
    }

    /**
     * Trains on timed interactions under every data-use rule of the mandate, the age limit included: interactions
     * older than {@code maxInteractionAgeDays} before {@code reference} are removed first (see {@link AgeFilter}),
     * then the held-out split is drawn from what is left with {@code splitSeed}, so nothing downstream (popularity,
     * calibration, training, evaluation) ever reads a forbidden interaction. The manifest lists the fields the
     * loader read ({@link TimedInteractions#fieldsRead()}) and what the age rule removed.
     */
    public static TrainingResult execute(TimedInteractions data, Instant reference, long splitSeed, Mandate mandate,
                                         TrainerConfig config, ProgressListener progress, CheckpointStore checkpoints) {
        java.util.Objects.requireNonNull(reference, "reference");
        checkForbiddenFields(mandate, DATA_FIELDS_READ);
        checkForbiddenFields(mandate, data.fieldsRead());
        Integer days = mandate.dataUse().maxInteractionAgeDays();
        AgeFilter filter = null;
        TimedInteractions kept = data;
        if (days != null) {
            AgeFilter.Result r = AgeFilter.apply(data, days, reference);
            kept = r.kept();
            filter = r.filter();
            LOG.info("age limit {} days before {}: removed {} of {} interactions and {} of {} users", days, reference,
                    filter.interactionsRemoved(), filter.interactionsBefore(), filter.usersRemoved(), filter.usersBefore());
        }
        InteractionData trainable = kept.data();
        if (trainable.userCount() < 4) {
            throw new IllegalArgumentException("only " + trainable.userCount() + " user(s) are left after the data-use rules; at least 4 are needed to split");
        }
        HoldoutSplit split = HoldoutSplit.standard(trainable, splitSeed);
        return run(trainable, split, mandate, config, progress, checkpoints, data.fieldsRead(), dataUse(mandate, filter));
    }

    private static TrainingResult run(InteractionData data, HoldoutSplit split, Mandate mandate, TrainerConfig config,
                                      ProgressListener progress, CheckpointStore checkpoints, List<String> fieldsRead,
                                      Map<String, Object> dataUse) {
        long start = System.nanoTime();
        for (Bound b : mandate.bounds()) MetricEstimate.requireSupported(b.objective());
        String dataHash = data.sha256();
        InteractionData training = split.trainingData(data);
        ItemFeatures features = training.features();
        double[] tau = new EvaluationData(List.of(), features, config.k(), mandate.exposureTargets()).targetShares();
        CheckpointStore store = checkpoints.forRun(identity(mandate, dataHash, split, config));

        List<String> objectives = new ArrayList<>();
        mandate.weights().forEach((id, w) -> { if (w > 0) objectives.add(id); });
        PayoffTable payoff = Calibration.payoffTable(config, progress, training, dataHash + "|" + splitKey(split),
                features, tau, objectives, store);
        Trainer trainer = new Trainer(config, progress);
        Trainer.Outcome trained = trainer.train(training, features, tau, payoff.terms(mandate), mandate.bounds(), "training", store);
        RecommenderModel model = trained.model();
        Evaluation evaluation = new Evaluator(features, config.k()).evaluate(model, split, mandate.exposureTargets());
        List<BoundCheck> bounds = BoundCheck.all(mandate.bounds(), evaluation);
        String step = "evaluating the baselines (most popular, EASE λ = " + Baselines.EASE_LAMBDA + ") on the same held-out users";
        LOG.info(step);
        progress.stepStarted(step);
        Baselines baselines = Baselines.evaluate(data, split, config.k(), mandate.exposureTargets(), dataHash + "|" + splitKey(split));
        String modelHash = CanonicalJson.sha256Hex(ModelArtifact.serialise(model.parameters()));

        Map<String, Object> splitJson = new LinkedHashMap<>();
        splitJson.put("kind", "strong-generalisation holdout");
        splitJson.put("seed", split.seed());
        splitJson.put("training_users", split.trainingUsers().length);
        splitJson.put("held_out_users", split.heldOutUsers().length);
        RunManifest manifest = new RunManifest(mandate.sha256(), dataHash, CodeVersion.current(), config.seed(),
                config.toJson(), payoff, fieldsRead, dataUse, splitJson, trained.constraints().toJsonValue(), evaluation,
                bounds, modelHash, NumericEnvironment.current(), baselines);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("run for mandate {} finished in {} s: {}", mandate.sha256().substring(0, 12),
                String.format("%.1f", seconds), summary(evaluation));
        for (BoundCheck b : bounds) {
            LOG.info("{} {} {}: {} on held-out users, {}", b.objective(), b.kind().name().toLowerCase(), b.threshold(),
                    String.format("%.4f", b.achieved()), b.met() ? "met" : "MISSED");
        }
        return new TrainingResult(mandate, model, evaluation, bounds, payoff, manifest, data, split, seconds, baselines);
    }

    /** What names a run for its checkpoints: everything its result depends on. */
    private static SequencedMap<String, String> identity(Mandate mandate, String dataHash, HoldoutSplit split, TrainerConfig config) {
        SequencedMap<String, String> id = new LinkedHashMap<>();
        id.put("mandate_sha256", mandate.sha256());
        id.put("data_sha256", dataHash);
        id.put("split", splitKey(split));
        id.put("hyper_parameters_sha256", CanonicalJson.sha256Hex(CanonicalJson.write(config.toJson()).getBytes(StandardCharsets.UTF_8)));
        id.put("code_version", CodeVersion.current());
        return id;
    }

    private static Map<String, Object> dataUse(Mandate mandate, AgeFilter filter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("forbidden_fields", mandate.dataUse().forbiddenAttributes());
        json.put("max_interaction_age_days", mandate.dataUse().maxInteractionAgeDays());
        json.put("age_filter", filter == null ? null : filter.toJsonValue());
        return json;
    }

    private static String summary(Evaluation e) {
        StringBuilder s = new StringBuilder();
        e.metrics().forEach((id, m) -> s.append(m.metric()).append('=').append(String.format("%.4f", m.value())).append(' '));
        return s.toString().trim();
    }

    private static void checkForbiddenFields(Mandate mandate, List<String> fieldsRead) {
        for (String forbidden : mandate.dataUse().forbiddenAttributes()) {
            if (fieldsRead.contains(forbidden)) {
                throw new IllegalArgumentException("the mandate forbids '" + forbidden + "', which this run reads; refusing to train");
            }
        }
    }

    private static void checkSplit(InteractionData data, HoldoutSplit split) {
        int n = split.trainingUsers().length + split.heldOutUsers().length;
        if (n != data.userCount()) {
            throw new IllegalArgumentException("the split covers " + n + " users but the data has " + data.userCount());
        }
    }

    private static String splitKey(HoldoutSplit split) {
        return split.seed() + ":" + java.util.Arrays.hashCode(split.heldOutUsers());
    }
}

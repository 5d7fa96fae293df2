package org.mandate.training.run;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.Calibration;
import org.mandate.training.train.PayoffTable;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.Trainer;
import org.mandate.training.train.TrainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Steps: check the mandate's data-use rules against the fields this run reads; measure popularity on the
 * training users; calibrate the payoff table (one single-objective run per mandated term, as long as the training, cached);
 * train on the scalarised normalised terms w_i·ĝ_i, ĝ_i = (g_i − ideal_i)/(nadir_i − ideal_i) (by default the smooth
 * weighted Chebyshev μ·log Σ exp(w_i·ĝ_i/μ) + ρ·Σ w_i·ĝ_i, see {@link org.mandate.training.model.Scalarisation};
 * its name and parameters are in the manifest's hyper-parameters); evaluate every catalogue objective on the held-out
 * users; hash the parameters and write the manifest.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /** Every data field a run reads; a mandate forbidding any of them is refused, not silently ignored. */
    public static final List<String> DATA_FIELDS_READ = List.of("interactions.user", "interactions.item", "items.provider_group");

    private TrainingRun() {}

    public static TrainingResult execute(InteractionData data, HoldoutSplit split, Mandate mandate, TrainerConfig config,
                                         ProgressListener progress) {
        long start = System.nanoTime();
        checkDataUse(mandate);
        checkSplit(data, split);
        if (!mandate.bounds().isEmpty()) {
            // Floors and ceilings need the augmented Lagrangian of OBJECTIVES.md, not built in this slice.
            LOG.warn("the mandate's {} floor/ceiling constraint(s) are not enforced by this trainer; they are only reported",
                    mandate.bounds().size());
        }
        String dataHash = data.sha256();
        InteractionData training = split.trainingData(data);
        ItemFeatures features = training.features();
        double[] tau = new EvaluationData(List.of(), features, config.k(), mandate.exposureTargets()).targetShares();

        List<String> objectives = new ArrayList<>();
        mandate.weights().forEach((id, w) -> { if (w > 0) objectives.add(id); });
        PayoffTable payoff = Calibration.payoffTable(config, progress, training, dataHash + "|" + splitKey(split),
                features, tau, objectives);
        Trainer trainer = new Trainer(config, progress);
        RecommenderModel model = trainer.train(training, features, tau, payoff.terms(mandate), "training");
        Evaluation evaluation = new Evaluator(features, config.k()).evaluate(model, split, mandate.exposureTargets());
        String modelHash = CanonicalJson.sha256Hex(ModelArtifact.serialise(model.parameters()));

        Map<String, Object> splitJson = new LinkedHashMap<>();
        splitJson.put("kind", "strong-generalisation holdout");
        splitJson.put("seed", split.seed());
        splitJson.put("training_users", split.trainingUsers().length);
        splitJson.put("held_out_users", split.heldOutUsers().length);
        RunManifest manifest = new RunManifest(mandate.sha256(), dataHash, CodeVersion.current(), config.seed(),
                config.toJson(), payoff, DATA_FIELDS_READ, splitJson, evaluation, modelHash);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("run for mandate {} finished in {} s: {}", mandate.sha256().substring(0, 12),
                String.format("%.1f", seconds), summary(evaluation));
        return new TrainingResult(mandate, model, evaluation, payoff, manifest, seconds);
    }

    private static String summary(Evaluation e) {
        StringBuilder s = new StringBuilder();
        e.metrics().forEach((id, m) -> s.append(m.metric()).append('=').append(String.format("%.4f", m.value())).append(' '));
        return s.toString().trim();
    }

    private static void checkDataUse(Mandate mandate) {
        for (String forbidden : mandate.dataUse().forbiddenAttributes()) {
            if (DATA_FIELDS_READ.contains(forbidden)) {
                throw new IllegalArgumentException("the mandate forbids '" + forbidden + "', which this trainer needs; refusing to train");
            }
        }
        if (mandate.dataUse().maxInteractionAgeDays() != null) {
            throw new IllegalArgumentException("the mandate limits interaction age, but this data has no timestamps; refusing to train");
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

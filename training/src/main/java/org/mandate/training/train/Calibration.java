package org.mandate.training.train;

import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.data.InteractionData;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.model.Scalarisation;
import org.mandate.training.model.WeightedTerm;
import org.mandate.training.surrogate.Surrogate;
import org.mandate.training.surrogate.Surrogates;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures a payoff table with single-objective trainings, one per mandated term, each as long as the
 * training it calibrates ({@link TrainerConfig#effectiveCalibrationEpochs()}). A calibration
 * run depends only on the data, the hyper-parameters, the target shares and its objective, so its row
 * is cached in memory and shared by later mandates on the same data and seed (a weight sweep pays once).
 */
public final class Calibration {

    private static final Map<String, Map<String, Double>> CACHE = new ConcurrentHashMap<>();

    private Calibration() {}

    /**
     * @param dataKey identifies the training data (e.g. its SHA-256), part of the cache key
     */
    public static PayoffTable payoffTable(TrainerConfig config, ProgressListener progress, InteractionData training,
                                          String dataKey, ItemFeatures features, double[] targetShares,
                                          List<String> objectives) {
        return payoffTable(config, progress, training, dataKey, features, targetShares, objectives, CheckpointStore.NONE);
    }

    /**
     * As above, checkpointing each calibration run per epoch and recording each finished run's row in
     * {@code checkpoints}, so a resumed run skips the rows already measured and continues an interrupted one.
     */
    public static PayoffTable payoffTable(TrainerConfig config, ProgressListener progress, InteractionData training,
                                          String dataKey, ItemFeatures features, double[] targetShares,
                                          List<String> objectives, CheckpointStore checkpoints) {
        if (objectives.size() < 2) return PayoffTable.uncalibrated(objectives);
        // Single-objective runs do not depend on the scalarisation: it is fixed so the cache is shared across it.
        int epochs = config.effectiveCalibrationEpochs();
        TrainerConfig calibrating = config.withEpochs(epochs, epochs).withScalarisation(Scalarisation.weightedSum());
        Trainer trainer = new Trainer(calibrating, progress);
        List<String> all = Surrogates.all().stream().map(Surrogate::objectiveId).toList();
        Map<String, Map<String, Double>> matrix = new LinkedHashMap<>();
        for (String id : objectives) {
            String key = dataKey + "|" + calibrating.toJson() + "|" + Arrays.toString(targetShares) + "|" + id;
            Map<String, Double> row = checkpoints.calibrationRow(id).orElse(null);
            if (row != null && !row.keySet().containsAll(objectives)) {
                throw new CheckpointRefused("the calibration row of " + id + " in " + checkpoints.directory()
                        + " lacks some of " + objectives + "; refusing to resume");
            }
            if (row == null) {
                // A checkpointed run measures its own rows (and resumes them), so what it records is what it computed.
                row = checkpoints.enabled() ? null : CACHE.get(key);
                if (row == null) {
                    RecommenderModel optimum = trainer.train(training, features, targetShares, List.of(WeightedTerm.alone(id)),
                            List.of(), "calibration:" + id, checkpoints).model();
                    row = Map.copyOf(trainer.surrogateValues(optimum, training, features, targetShares, all));
                    CACHE.put(key, row);
                }
                if (checkpoints.enabled()) checkpoints.saveCalibrationRow(id, new java.util.TreeMap<>(row));
            }
            Map<String, Double> ordered = new LinkedHashMap<>();
            for (String i : objectives) ordered.put(i, row.get(i));
            matrix.put(id, ordered);
        }
        return new PayoffTable(objectives, matrix, calibrating.epochs());
    }
}

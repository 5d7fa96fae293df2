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
        if (objectives.size() < 2) return PayoffTable.uncalibrated(objectives);
        // Single-objective runs do not depend on the scalarisation: it is fixed so the cache is shared across it.
        int epochs = config.effectiveCalibrationEpochs();
        TrainerConfig calibrating = config.withEpochs(epochs, epochs).withScalarisation(Scalarisation.weightedSum());
        Trainer trainer = new Trainer(calibrating, progress);
        List<String> all = Surrogates.all().stream().map(Surrogate::objectiveId).toList();
        Map<String, Map<String, Double>> matrix = new LinkedHashMap<>();
        for (String id : objectives) {
            String key = dataKey + "|" + calibrating.toJson() + "|" + Arrays.toString(targetShares) + "|" + id;
            Map<String, Double> row = CACHE.computeIfAbsent(key, k -> {
                RecommenderModel optimum = trainer.train(training, features, targetShares,
                        List.of(WeightedTerm.alone(id)), "calibration:" + id);
                return Map.copyOf(trainer.surrogateValues(optimum, training, features, targetShares, all));
            });
            Map<String, Double> ordered = new LinkedHashMap<>();
            for (String i : objectives) ordered.put(i, row.get(i));
            matrix.put(id, ordered);
        }
        return new PayoffTable(objectives, matrix, calibrating.epochs());
    }
}

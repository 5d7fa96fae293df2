package org.mandate.training.train;

import org.mandate.training.model.Scalarisation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of one training run; all of them go into the run manifest.
 *
 * @param hidden            units in the tanh hidden layer
 * @param epochs            passes over the training users
 * @param batchSize         users per mini-batch
 * @param learningRate      Adam step size
 * @param dropout           input dropout probability (training only)
 * @param seed              initialisation, dropout masks and batch order derive from it
 * @param k                 cut-off of the evaluated top-k lists
 * @param calibrationEpochs the fewest epochs of each single-objective calibration run (payoff table); a
 *                          calibration runs at least as long as the training it calibrates, see
 *                          {@link #effectiveCalibrationEpochs()}
 * @param scalarisation     how the weighted, normalised terms combine into the loss
 * @param weightDecay       decoupled weight decay of the two weight matrices (AdamW, Loshchilov and Hutter 2019): each
 *                          step multiplies them by {@code 1 − rate·weightDecay}, rate the step's learning rate; 0 is
 *                          plain Adam
 * @param schedule          how the learning rate moves over the run (it peaks at {@code learningRate})
 */
public record TrainerConfig(int hidden, int epochs, int batchSize, double learningRate, double dropout, long seed,
                            int k, int calibrationEpochs, Scalarisation scalarisation, double weightDecay,
                            LearningRateSchedule schedule) {

    /** Hyper-parameters with a constant learning rate. */
    public TrainerConfig(int hidden, int epochs, int batchSize, double learningRate, double dropout, long seed,
                         int k, int calibrationEpochs, Scalarisation scalarisation, double weightDecay) {
        this(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, scalarisation, weightDecay,
                LearningRateSchedule.CONSTANT);
    }

    /** Hyper-parameters without weight decay (plain Adam). */
    public TrainerConfig(int hidden, int epochs, int batchSize, double learningRate, double dropout, long seed,
                         int k, int calibrationEpochs, Scalarisation scalarisation) {
        this(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, scalarisation, 0);
    }

    /** Hyper-parameters with the default scalarisation, {@link Scalarisation#DEFAULT}. */
    public TrainerConfig(int hidden, int epochs, int batchSize, double learningRate, double dropout, long seed,
                         int k, int calibrationEpochs) {
        this(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, Scalarisation.DEFAULT);
    }

    public TrainerConfig {
        if (hidden < 1 || epochs < 1 || batchSize < 1 || k < 1 || calibrationEpochs < 1) {
            throw new IllegalArgumentException("hidden, epochs, batchSize, k and calibrationEpochs must be positive");
        }
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1)");
        java.util.Objects.requireNonNull(scalarisation, "scalarisation");
        java.util.Objects.requireNonNull(schedule, "schedule");
        if (!(weightDecay >= 0 && weightDecay * learningRate < 1)) {
            throw new IllegalArgumentException("weight decay must be >= 0 and below 1 / learning rate, got " + weightDecay);
        }
    }

    /** Settings for the demo scale (2,000 items × 5,000 users). */
    public static TrainerConfig defaults(long seed) {
        return new TrainerConfig(200, 12, 500, 3e-3, 0.5, seed, 10, 3);
    }

    /**
     * Settings for MovieLens-100K-sized data (≈ 1,700 items × 950 users): hidden 600, batch 100, peak rate 1e-3 decayed
     * by a cosine over 60 epochs — 3–4 % behind EASE's NDCG@10 on the same split, where the same network at a constant
     * rate was 6–7 % behind at its best (25 epochs) and over-fitted when trained longer (bench/RelevanceVsEase,
     * docs/benchmarks.md).
     */
    public static TrainerConfig movieLens100k(long seed) {
        return new TrainerConfig(600, 60, 100, 1e-3, 0.5, seed, 10, 3, Scalarisation.DEFAULT, 0, LearningRateSchedule.COSINE);
    }

    /** Below this many users {@link #suitedTo} picks {@link #movieLens100k}: batches of 500 would leave too few steps. */
    public static final int SMALL_DATA_USERS = 2_500;

    /**
     * The settings for data of this many users: {@link #movieLens100k} below {@value #SMALL_DATA_USERS} users (at
     * MovieLens-100K size the demo defaults make two mini-batches an epoch and end 27–31 % behind EASE), otherwise
     * {@link #defaults}.
     */
    public static TrainerConfig suitedTo(int users, long seed) {
        return users < SMALL_DATA_USERS ? movieLens100k(seed) : defaults(seed);
    }

    public TrainerConfig withEpochs(int epochs, int calibrationEpochs) {
        return new TrainerConfig(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, scalarisation, weightDecay, schedule);
    }

    public TrainerConfig withWeightDecay(double weightDecay) {
        return new TrainerConfig(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, scalarisation, weightDecay, schedule);
    }

    /**
     * Epochs of each calibration run: max(calibrationEpochs, epochs). The payoff table's ideals must be
     * reachable values of the trained model; from shorter runs they are not (with 3 of 8 epochs the
     * "ideal" relevance likelihood was 4 nats worse than what the 8-epoch model reached), so normalised
     * gaps went negative and the weights stopped meaning shares of an achievable gap.
     */
    public int effectiveCalibrationEpochs() {
        return Math.max(calibrationEpochs, epochs);
    }

    public TrainerConfig withSchedule(LearningRateSchedule schedule) {
        return new TrainerConfig(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, scalarisation, weightDecay, schedule);
    }

    public TrainerConfig withScalarisation(Scalarisation scalarisation) {
        return new TrainerConfig(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs, scalarisation, weightDecay, schedule);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "mult-dae");
        json.put("hidden", hidden);
        json.put("epochs", epochs);
        json.put("batch_size", batchSize);
        json.put("learning_rate", learningRate);
        // Only named when not constant, so manifests of earlier runs are unchanged.
        if (schedule != LearningRateSchedule.CONSTANT) json.put("lr_schedule", schedule.id());
        // Only named when used, so manifests of plain-Adam runs are unchanged.
        json.put("optimizer", weightDecay > 0 ? "adamw" : "adam");
        if (weightDecay > 0) json.put("weight_decay", weightDecay);
        json.put("dropout", dropout);
        json.put("seed", seed);
        json.put("k", k);
        json.put("calibration_epochs", effectiveCalibrationEpochs());
        json.put("scalarisation", scalarisation.toJson());
        return json;
    }
}

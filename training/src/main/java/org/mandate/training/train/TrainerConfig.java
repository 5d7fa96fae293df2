package org.mandate.training.train;

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
 * @param calibrationEpochs epochs of each single-objective calibration run (payoff table)
 */
public record TrainerConfig(int hidden, int epochs, int batchSize, double learningRate, double dropout, long seed,
                            int k, int calibrationEpochs) {

    public TrainerConfig {
        if (hidden < 1 || epochs < 1 || batchSize < 1 || k < 1 || calibrationEpochs < 1) {
            throw new IllegalArgumentException("hidden, epochs, batchSize, k and calibrationEpochs must be positive");
        }
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1)");
    }

    /** Settings for the demo scale (2,000 items × 5,000 users). */
    public static TrainerConfig defaults(long seed) {
        return new TrainerConfig(200, 12, 500, 3e-3, 0.5, seed, 10, 3);
    }

    public TrainerConfig withEpochs(int epochs, int calibrationEpochs) {
        return new TrainerConfig(hidden, epochs, batchSize, learningRate, dropout, seed, k, calibrationEpochs);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "mult-dae");
        json.put("hidden", hidden);
        json.put("epochs", epochs);
        json.put("batch_size", batchSize);
        json.put("learning_rate", learningRate);
        json.put("optimizer", "adam");
        json.put("dropout", dropout);
        json.put("seed", seed);
        json.put("k", k);
        json.put("calibration_epochs", calibrationEpochs);
        return json;
    }
}

package org.mandate.training.model;

/**
 * One term of the training loss: {@code weight · (g − offset) / scale} where g is the objective's
 * surrogate. With offset = ideal and scale = nadir − ideal this is the payoff-normalised term.
 */
public record WeightedTerm(String objectiveId, double weight, double offset, double scale) {

    public WeightedTerm {
        if (!(weight >= 0) || !Double.isFinite(weight)) throw new IllegalArgumentException("weight must be finite and >= 0");
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("scale must be finite and > 0");
        if (!Double.isFinite(offset)) throw new IllegalArgumentException("offset must be finite");
    }

    /** The raw surrogate, unweighted and unnormalised (calibration trains on this). */
    public static WeightedTerm alone(String objectiveId) {
        return new WeightedTerm(objectiveId, 1, 0, 1);
    }
}

package org.mandate.training.train;

/**
 * How the optimiser's step size moves over a run. Constant is plain Adam. Cosine decay (Loshchilov and Hutter
 * 2017, without restarts) starts at the configured rate and falls to zero at the last step: the late, small steps
 * settle the model where a constant rate keeps it jittering around a minimum, which is what closed the gap to EASE
 * on MovieLens-100K-shaped data (docs/benchmarks.md). The rate depends only on the step count, so a run resumed
 * from a checkpoint (which saves Adam's step) continues on the same curve.
 */
public enum LearningRateSchedule {
    CONSTANT("constant"),
    COSINE("cosine");

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }

    /** Name in the run manifest and on the command line. */
    public String id() {
        return id;
    }

    public static LearningRateSchedule of(String id) {
        for (LearningRateSchedule s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown learning-rate schedule '" + id + "' (constant or cosine)");
    }

    /**
     * The step size of update {@code step} (1-based) out of {@code totalSteps}.
     *
     * @param peak the configured learning rate
     */
    public double rate(double peak, int step, int totalSteps) {
        if (step < 1 || totalSteps < 1) throw new IllegalArgumentException("steps are counted from 1, got " + step + " of " + totalSteps);
        return switch (this) {
            case CONSTANT -> peak;
            case COSINE -> peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, totalSteps) / totalSteps));
        };
    }
}

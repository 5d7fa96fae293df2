package org.mandate.objectives.catalogue;

/** Whether a larger reported metric is better (MAXIMISE) or worse (MINIMISE). */
public enum Direction {
    MAXIMISE,
    MINIMISE;

    /** True when {@code after} is better than {@code before} under this direction. */
    public boolean improves(double before, double after) {
        return this == MAXIMISE ? after > before : after < before;
    }
}

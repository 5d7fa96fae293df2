package org.mandate.objectives.metrics;

/** The position weight a(r) = 1 / log2(1 + r) of rank r (1-based) used by every position-weighted metric. */
public final class PositionWeight {

    private PositionWeight() {}

    public static double at(int rank) {
        if (rank < 1) throw new IllegalArgumentException("ranks start at 1, got " + rank);
        return 1.0 / (Math.log(1.0 + rank) / Math.log(2.0));
    }
}

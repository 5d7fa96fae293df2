package org.mandate.training.eval;

/** Anything that scores every catalogue item for a user given the items the user has already consumed. */
public interface Recommender {

    /** One row of I scores per history; higher is recommended first. */
    double[][] scores(int[][] histories);
}

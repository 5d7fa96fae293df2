package org.mandate.objectives.metrics;

import java.util.Objects;

/**
 * What one evaluated user saw and did: the recommended top-k list (best first), the held-out items the
 * user really consumed, and the history the model was given (its fold-in part).
 */
public record UserLists(int[] recommended, int[] heldOut, int[] history) {

    public UserLists {
        Objects.requireNonNull(recommended, "recommended");
        heldOut = heldOut == null ? new int[0] : heldOut;
        history = history == null ? new int[0] : history;
    }
}

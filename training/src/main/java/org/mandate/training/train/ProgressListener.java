package org.mandate.training.train;

/** Receives one call per finished epoch, and a note when a long step without epochs starts, e.g. so a CLI can print progress. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, epoch, epochs, loss, seconds) -> {};

    /**
     * @param phase   "training" or "calibration:&lt;objective&gt;"
     * @param epoch   1-based epoch just finished
     * @param epochs  epochs in this phase
     * @param loss    mean mini-batch loss over the epoch
     * @param seconds wall time of the epoch
     */
    void epochFinished(String phase, int epoch, int epochs, double loss, double seconds);

    /**
     * A step without epochs is starting (e.g. fitting the EASE baseline, 18 s at MovieLens-1M size), so a listener can
     * say what the run is doing between the last epoch and the result. Ignored by default.
     */
    default void stepStarted(String description) {}
}

package org.mandate.training.train;

/** Receives one call per finished epoch, e.g. so a CLI can print progress. */
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
}

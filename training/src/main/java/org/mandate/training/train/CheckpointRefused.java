package org.mandate.training.train;

/** A checkpoint that cannot be resumed from: damaged, of another run, or of another trainer version. Nothing was trained. */
public final class CheckpointRefused extends IllegalStateException {

    public CheckpointRefused(String message) {
        super(message);
    }

    public CheckpointRefused(String message, Throwable cause) {
        super(message, cause);
    }
}

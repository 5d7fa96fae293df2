package org.mandate.deliberation.jobs;

import java.util.Locale;

/** Where a training run is: waiting for the worker, training, or finished one way or the other. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}

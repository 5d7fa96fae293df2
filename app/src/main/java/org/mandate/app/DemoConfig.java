package org.mandate.app;

import java.nio.file.Path;

/**
 * The demo's knobs. Defaults are the README's demo: 200 members, 5,000 users, 2,000 programmes;
 * tests shrink them. {@code epochs} and {@code calibrationEpochs} of 0 keep the trainer's defaults.
 */
public record DemoConfig(Path out, int members, int users, int items, int epochs, int calibrationEpochs,
                         String rule, long seed) {

    public static DemoConfig defaults(Path out) {
        return new DemoConfig(out, 200, 5000, 2000, 0, 0, "independent_markets", 42);
    }

    public Path reportDir() {
        return out.resolve("report");
    }

    public Path bundleDir() {
        return out.resolve("bundle");
    }

    public Path runsDir() {
        return out.resolve("runs");
    }
}

package org.mandate.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Drops the lines ND4J 1.0.0-M2.1's SameDiff prints straight to standard output (one
 * "Added differentiated op ..." per graph op, bypassing its logger) so the CLI's own progress stays
 * readable. Every other line passes through unchanged.
 */
final class StdoutFilter extends OutputStream {

    private static final String NOISE = "Added differentiated op";

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private StdoutFilter(PrintStream target) {
        this.target = target;
    }

    /** Replaces System.out with a filtered stream; returns the original for output that must not be filtered. */
    static PrintStream install() {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new StdoutFilter(original), true, StandardCharsets.UTF_8));
        return original;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') flushLine();
    }

    @Override
    public synchronized void flush() {
        // Partial lines wait for their newline, so a noisy line is never half printed.
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!text.startsWith(NOISE)) {
            target.print(text);
            target.flush();
        }
    }
}

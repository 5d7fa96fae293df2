package org.mandate.app;

import java.io.PrintStream;
import java.util.Locale;

/** Numbered steps and indented detail lines, so a long run reads as a story while it happens. */
final class Console {

    private final PrintStream out;
    private final int steps;
    private final long start = System.nanoTime();
    private int step;

    Console(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    void step(String title) {
        step++;
        out.printf(Locale.ROOT, "%n[%d/%d] %s  (%.0f s)%n", step, steps, title, (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    void detail(String format, Object... args) {
        out.println("      " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** A one-line text progress bar, e.g. {@code [########------------]  40 %}. */
    static String bar(int done, int total) {
        int width = 20;
        int filled = total == 0 ? width : (int) Math.round(width * (double) done / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + String.format(Locale.ROOT, "%3d %%", total == 0 ? 100 : 100 * done / total);
    }
}

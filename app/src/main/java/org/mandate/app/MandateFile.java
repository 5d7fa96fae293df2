package org.mandate.app;

import org.mandate.objectives.mandate.Mandate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a mandate.json named on the command line; anything unreadable is the caller's mistake (exit 2). */
final class MandateFile {

    private MandateFile() {}

    static Mandate read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Args.UsageException("cannot read mandate " + file + ": " + e);
        }
        try {
            return Mandate.fromJson(text);
        } catch (RuntimeException e) {
            // The JSON parser and the mandate's own checks throw several kinds (syntax, casts, weights not summing to 1).
            throw new Args.UsageException(file + " is not a valid mandate: " + e.getMessage());
        }
    }
}

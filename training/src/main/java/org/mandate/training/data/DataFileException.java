package org.mandate.training.data;

import java.nio.file.Path;

/**
 * A line of a user-supplied data file that cannot be read. The message starts with {@code file:line:}
 * so that a person fixing their export can jump straight to it.
 */
public final class DataFileException extends IllegalArgumentException {

    private final String file;
    private final long line;

    public DataFileException(Path file, long line, String problem) {
        super(file.getFileName() + ":" + line + ": " + problem);
        this.file = file.getFileName().toString();
        this.line = line;
    }

    /** The file's name, without its directory. */
    public String file() {
        return file;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}

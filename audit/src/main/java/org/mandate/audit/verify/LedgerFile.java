package org.mandate.audit.verify;

import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published form of a ledger: one canonical JSON object per line,
 * {@code {"hash","kind","payload","prev_hash","seq"}}, in seq order. Plain text, so anyone can read it,
 * diff it, and check it with any SHA-256 tool.
 */
public final class LedgerFile {

    public static final String NAME = "ledger.jsonl";

    private LedgerFile() {}

    public static void write(List<LedgerEntry> entries, Path file) {
        String out = text(entries);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger to " + file, e);
        }
    }

    /** The exact text {@link #write} puts in the file: one {@link LedgerEntry#canonicalLine()} per entry, each ended by LF. */
    public static String text(List<LedgerEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (LedgerEntry e : entries) out.append(e.canonicalLine()).append('\n');
        return out.toString();
    }

    /** Reads a ledger file; a line that is not a well-formed entry is an error naming its line number. */
    public static List<LedgerEntry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file, e);
        }
        List<LedgerEntry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                Map<String, Object> json = Json.parseObject(line);
                entries.add(new LedgerEntry(((Number) json.get("seq")).longValue(), (String) json.get("kind"),
                        (String) json.get("payload"), (String) json.get("prev_hash"), (String) json.get("hash")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + " is not a ledger entry: " + e.getMessage(), e);
            }
        }
        return entries;
    }
}

package org.mandate.audit.report;

import org.mandate.objectives.json.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a transparency report into a directory: {@code index.html} (one self-contained page), its French twin
 * {@code index.fr.html}, and
 * {@code report.json} (canonical JSON). Each file is written to a temporary name and moved into place,
 * so a reader never sees a half-written report.
 */
public final class ReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private ReportWriter() {}

    public static WrittenReport write(ReportInput input, Path dir) {
        return write(input, ReportSections.NONE, dir);
    }

    /** The report with optional sections (trade-off curve, strata breakdowns) where the caller has their data. */
    public static WrittenReport write(ReportInput input, ReportSections sections, Path dir) {
        try {
            Files.createDirectories(dir);
            byte[] json = CanonicalJson.bytes(ReportJson.tree(input, sections));
            String sha = CanonicalJson.sha256Hex(json);
            Path jsonFile = dir.resolve("report.json");
            Path htmlFile = dir.resolve("index.html");
            replace(jsonFile, json);
            replace(htmlFile, ReportHtml.render(input, sha, ReportHtml.ENGLISH, sections).getBytes(StandardCharsets.UTF_8));
            Path frFile = dir.resolve(ReportHtml.fileName(ReportHtml.FRENCH));
            replace(frFile, ReportHtml.render(input, sha, ReportHtml.FRENCH, sections).getBytes(StandardCharsets.UTF_8));
            LOG.info("transparency report written to {} (report.json sha256 {})", dir, sha);
            return new WrittenReport(htmlFile, jsonFile, sha, frFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + dir, e);
        }
    }

    private static void replace(Path target, byte[] content) throws IOException {
        // A sibling, not Files.createTempFile: that one is created 0600, and a published report must stay readable.
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

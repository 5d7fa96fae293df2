package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The publication of a transparency report: the SHA-256 of its report.json, so a reader holding the file
 * can check it is the one the ledger vouches for. (The report itself states the ledger head it covered,
 * which therefore precedes this entry.)
 *
 * <p>Payload: {@code {"report_sha256": hex}}.
 */
public record ReportPublished(String reportSha256) implements LedgerEvent {

    public static final String KIND = "report";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ReportPublished {
        if (reportSha256 == null || !SHA256.matcher(reportSha256).matches()) {
            throw new IllegalArgumentException("report hash must be 64 lower-case hex digits, got " + reportSha256);
        }
    }

    @Override public String kind() { return KIND; }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report_sha256", reportSha256);
        return json;
    }

    static ReportPublished fromJson(Map<String, Object> json) {
        return new ReportPublished(JsonTrees.string(json, "report_sha256"));
    }
}

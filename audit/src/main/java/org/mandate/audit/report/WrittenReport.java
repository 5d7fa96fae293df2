package org.mandate.audit.report;

import org.mandate.audit.ledger.ReportPublished;

import java.nio.file.Path;

/** The files a report wrote (English page, report.json, French page) and the SHA-256 of report.json, ready to be ledgered. */
public record WrittenReport(Path indexHtml, Path reportJson, String reportSha256, Path indexFrHtml) {

    /** The ledger event vouching for this report. */
    public ReportPublished ledgerEvent() {
        return new ReportPublished(reportSha256);
    }
}

package org.mandate.audit.report;

import java.util.List;

/**
 * Optional parts of a report, given when the caller has the data: the trade-off curve with the voted
 * point, and breakdowns by member strata (published under {@link StrataTable}'s disclosure control). A
 * report written with {@link #NONE} is byte-identical to one written without sections.
 *
 * @param tradeOff null when no sweep was run
 */
public record ReportSections(TradeOffCurve tradeOff, List<StrataTable> strata) {

    public static final ReportSections NONE = new ReportSections(null, List.of());

    public ReportSections {
        strata = List.copyOf(strata);
    }

    public boolean isEmpty() {
        return tradeOff == null && strata.isEmpty();
    }
}

package org.mandate.app;

import org.mandate.training.eval.Evaluation;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;

/** One row per catalogue objective (objective, metric, then one value column per model), as train and evaluate print it. */
final class MetricTable {

    private MetricTable() {}

    /** Headline value per objective id. */
    static Map<String, Double> values(Evaluation evaluation) {
        Map<String, Double> out = new LinkedHashMap<>();
        evaluation.metrics().forEach((id, m) -> out.put(id, m.value()));
        return out;
    }

    /** @param rows the evaluation whose objectives and metric names label the rows */
    static void print(PrintStream out, Evaluation rows, SequencedMap<String, Map<String, Double>> columns) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s %-28s", "objective", "metric"));
        columns.keySet().forEach(name -> header.append(String.format(Locale.ROOT, " %14s", name)));
        out.println(header);
        rows.metrics().forEach((id, metric) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s %-28s", id, metric.metric()));
            columns.values().forEach(values -> {
                Double v = values.get(id);
                line.append(v == null ? String.format(Locale.ROOT, " %14s", "-") : String.format(Locale.ROOT, " %14.6f", v));
            });
            out.println(line);
        });
    }
}

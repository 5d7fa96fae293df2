package org.mandate.deliberation.web;

import org.mandate.deliberation.service.Sweep;
import org.mandate.deliberation.service.SweepPoint;
import org.mandate.deliberation.service.TradeOff;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.catalogue.Objective;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A trade-off as people read it, in English or French: "relevance −12 %, novelty +30 %, local share
 * 18 %" against the relevance-only point, and a row per metric with its value and change. Shared by the
 * learn page, the JSON endpoint the vote page's script calls, and the script itself (it shows these texts).
 */
public final class TradeOffView {

    private TradeOffView() {}

    /** The headline: relevance and novelty as relative changes, the local (public-value) share as a level. */
    public static String summary(TradeOff t, Sweep sweep, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (t.changes().containsKey("relevance")) parts.add(Messages.format(locale, "tradeoff.summary.relevance", signedPercent(t.changes().get("relevance"), locale)));
        if (t.changes().containsKey("novelty")) parts.add(Messages.format(locale, "tradeoff.summary.novelty", signedPercent(t.changes().get("novelty"), locale)));
        if (t.metrics().containsKey("public_value")) parts.add(Messages.format(locale, "tradeoff.summary.local", percent(t.metrics().get("public_value"), locale)));
        if (parts.isEmpty()) return Messages.of(locale).get("tradeoff.summary.none");
        return String.join(", ", parts);
    }

    /** One row per metric: its label, the value, the baseline value, and the change with whether it is for the better. */
    public static List<Map<String, Object>> rows(Map<String, Double> metrics, Map<String, Double> changes, SweepPoint baseline, Sweep sweep, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : sweep.metricKeys()) {
            Map<String, Object> row = new LinkedHashMap<>();
            Optional<Objective> o = Catalogue.find(key);
            row.put("id", key);
            row.put("name", o.map(x -> x.name().in(locale)).orElse(key));
            row.put("label", sweep.metricLabels().get(key));
            row.put("value", number(metrics.get(key), locale));
            row.put("baseline", number(baseline.metrics().get(key), locale));
            Double change = changes.get(key);
            row.put("change", change == null ? "–" : signedPercent(change, locale));
            String verdict = "same";
            if (change != null && Math.abs(change) >= 0.005 && o.isPresent()) {
                boolean up = change > 0;
                verdict = (o.get().direction() == Direction.MAXIMISE) == up ? "better" : "worse";
            }
            row.put("verdict", verdict);
            out.add(row);
        }
        return out;
    }

    /** The sentences around a prediction, for the script: how it was obtained, the asked weights, the live-feedback lead-ins. */
    public static Map<String, String> texts(TradeOff t, Sweep sweep, Locale locale) {
        Map<String, String> m = Messages.of(locale);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("method", m.get("explorer.method." + t.method()) + " " + m.get("explorer.against") + " "
                + weights(sweep.points().get(t.baseline()).weights(), locale) + ".");
        out.put("weights", weights(t.weights(), locale));
        out.put("nearest_weights", weights(sweep.points().get(t.nearest()).weights(), locale));
        out.put("predicted", m.get("tradeoff.live"));
        out.put("uncovered", m.get("tradeoff.uncovered"));
        out.put("non_dominated", m.get("explorer.nondominated"));
        return out;
    }

    /** A weight vector as "relevance 50 %, novelty 25 %, ..." in the sweep's objective order. */
    public static String weights(Map<String, Double> weights, Locale locale) {
        List<String> parts = new ArrayList<>();
        weights.forEach((id, w) -> parts.add(Catalogue.find(id).map(o -> o.name().in(locale)).orElse(id) + " " + percent(w, locale)));
        return String.join(", ", parts);
    }

    static String signedPercent(double fraction, Locale locale) {
        long rounded = Math.round(fraction * 100);
        String sign = rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "±";
        return sign + Messages.format(locale, "percent", String.valueOf(Math.abs(rounded)));
    }

    static String percent(double fraction, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(0);
        return Messages.format(locale, "percent", f.format(fraction * 100));
    }

    static String number(double v, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(Math.abs(v) >= 10 ? 2 : 3);
        f.setMinimumFractionDigits(0);
        return f.format(v);
    }
}

package org.mandate.objectives.tally;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.mandate.objectives.json.JsonValue;

/**
 * Percentile bootstrap confidence intervals of aggregated weights: the ballots are resampled with
 * replacement {@code resamples} times from a seeded generator, the rule reruns on each resample, and
 * each objective's interval is the (1−level)/2 and (1+level)/2 quantiles of its weight.
 */
public record BootstrapInterval(int resamples, long seed, double level,
                                SortedMap<String, Double> lower, SortedMap<String, Double> upper) implements JsonValue {

    public BootstrapInterval {
        lower = new TreeMap<>(lower);
        upper = new TreeMap<>(upper);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "percentile_bootstrap");
        json.put("resamples", resamples);
        json.put("seed", seed);
        json.put("level", level);
        json.put("lower", lower);
        json.put("upper", upper);
        return json;
    }
}

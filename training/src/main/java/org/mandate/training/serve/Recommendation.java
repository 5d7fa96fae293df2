package org.mandate.training.serve;

import org.mandate.objectives.json.JsonValue;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A served list and how it was made: the weights it was built for, their distance from the voted weights, the
 * mode, and the objectives the mode could not serve (non-profiling lists cannot serve history-based objectives).
 *
 * @param items   item indices, best first
 * @param weights the weights the list was built for (the mandate's when the user gave none)
 * @param shift   total-variation distance of {@code weights} from the mandate's
 * @param ignored objectives with weight that this mode could not serve
 */
public record Recommendation(int[] items, RecommendationRequest.Mode mode, SortedMap<String, Double> weights, double shift,
                             List<String> ignored) implements JsonValue {

    public Recommendation {
        items = items.clone();
        weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
        ignored = List.copyOf(ignored);
    }

    @Override
    public int[] items() {
        return items.clone();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", Arrays.stream(items).boxed().toList());
        json.put("mode", mode == RecommendationRequest.Mode.PERSONAL ? "personal" : "non-profiling");
        json.put("weights", weights);
        json.put("shift", shift);
        json.put("ignored_objectives", ignored);
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recommendation r && Arrays.equals(items, r.items) && mode == r.mode && weights.equals(r.weights)
                && Double.compare(shift, r.shift) == 0 && ignored.equals(r.ignored);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items) * 31 + weights.hashCode();
    }
}

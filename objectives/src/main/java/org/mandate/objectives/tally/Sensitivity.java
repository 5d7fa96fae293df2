package org.mandate.objectives.tally;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mandate.objectives.json.JsonValue;

/**
 * How far the mandate moves, in ℓ1, when any one ballot is removed: the largest such shift and the
 * voters whose removal causes it (all of them when several tie, in voter order).
 */
public record Sensitivity(double maxL1Shift, List<String> mostInfluential) implements JsonValue {

    public Sensitivity {
        mostInfluential = List.copyOf(mostInfluential);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "leave_one_out_l1");
        json.put("max_l1_shift", maxL1Shift);
        json.put("most_influential", mostInfluential);
        return json;
    }
}

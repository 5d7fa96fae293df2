package org.mandate.training.eval;

import org.mandate.objectives.json.JsonValue;
import org.mandate.objectives.mandate.Bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mandate's floor or ceiling checked against the real metric on the held-out users' top-k lists, the
 * quantity the bound was voted on (not the trainer's estimate of it).
 *
 * @param achieved the headline metric measured on the held-out users
 * @param met      whether {@code achieved} satisfies the bound
 */
public record BoundCheck(String objective, Bound.Kind kind, double threshold, double achieved, boolean met) implements JsonValue {

    public static BoundCheck of(Bound bound, Evaluation evaluation) {
        double achieved = evaluation.value(bound.objective());
        return new BoundCheck(bound.objective(), bound.kind(), bound.value(), achieved, bound.isMetBy(achieved));
    }

    /** One check per bound, in the mandate's order. */
    public static List<BoundCheck> all(List<Bound> bounds, Evaluation evaluation) {
        List<BoundCheck> checks = new ArrayList<>();
        for (Bound b : bounds) checks.add(of(b, evaluation));
        return List.copyOf(checks);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objective", objective);
        json.put("kind", kind.name().toLowerCase());
        json.put("threshold", threshold);
        json.put("achieved", achieved);
        json.put("met", met);
        return json;
    }
}

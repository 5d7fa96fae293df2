package org.mandate.objectives.ballot;

import org.mandate.objectives.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.mandate.objectives.ballot.BallotRejected.Reason.OUT_OF_RANGE;

/**
 * One judgement between two slates on Tournesol's scale: {@code preference} in −10…10, negative when
 * slate {@code a} is better, positive when {@code b} is better, 0 when they are as good; the magnitude
 * says how strongly.
 */
public record SlateComparison(Slate a, Slate b, int preference) implements JsonValue {

    public static final int MAX = 10;

    public SlateComparison {
        if (a == null || b == null) throw new IllegalArgumentException("a comparison needs two slates");
        if (a.id().equals(b.id())) throw new BallotRejected(BallotRejected.Reason.DUPLICATE, "slate " + a.id() + " is compared with itself");
        if (preference < -MAX || preference > MAX) throw new BallotRejected(OUT_OF_RANGE, "preference must be in -10..10, got " + preference);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", a);
        json.put("b", b);
        json.put("preference", preference);
        return json;
    }
}

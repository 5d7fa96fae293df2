package org.mandate.objectives.ballot;

import org.mandate.objectives.catalogue.Catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.mandate.objectives.ballot.BallotRejected.Reason.*;

/**
 * Optional floor proposals that go with a weight allocation: for some objectives, the level of its
 * headline metric the voter wants guaranteed whatever the weights (a minimum for a maximised metric,
 * a maximum for a minimised one, e.g. exposure distance ≤ 0.1). Objectives left out: no floor wanted.
 */
public record FloorBallot(String voter, SortedMap<String, Double> floors) implements Ballot {

    public FloorBallot {
        if (voter == null || voter.isBlank()) throw new BallotRejected(MISSING_VOTER, "a ballot needs a voter id");
        floors = new TreeMap<>(floors == null ? Map.of() : floors);
        for (Map.Entry<String, Double> e : floors.entrySet()) {
            if (!Catalogue.contains(e.getKey())) throw new BallotRejected(UNKNOWN_OBJECTIVE, "'" + e.getKey() + "' is not an objective");
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new BallotRejected(NOT_FINITE, "floor on '" + e.getKey() + "' must be a finite number, got " + e.getValue());
            }
        }
    }

    public static FloorBallot of(String voter, Map<String, ? extends Number> floors) {
        TreeMap<String, Double> f = new TreeMap<>();
        floors.forEach((k, v) -> f.put(k, v == null ? null : v.doubleValue()));
        return new FloorBallot(voter, f);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("voter", voter);
        json.put("floors", floors);
        return json;
    }
}

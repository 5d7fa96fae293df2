package org.mandate.objectives.ballot;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mandate.objectives.ballot.BallotRejected.Reason.EMPTY;
import static org.mandate.objectives.ballot.BallotRejected.Reason.MISSING_VOTER;

/** A voter's pairwise slate comparisons, from which their implicit weights are fitted. */
public record ComparisonBallot(String voter, List<SlateComparison> comparisons) implements Ballot {

    public ComparisonBallot {
        if (voter == null || voter.isBlank()) throw new BallotRejected(MISSING_VOTER, "a ballot needs a voter id");
        if (comparisons == null || comparisons.isEmpty()) {
            throw new BallotRejected(EMPTY, "voter " + voter + " made no comparison: there is nothing to fit weights from");
        }
        comparisons = List.copyOf(comparisons);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("voter", voter);
        json.put("comparisons", comparisons);
        return json;
    }
}

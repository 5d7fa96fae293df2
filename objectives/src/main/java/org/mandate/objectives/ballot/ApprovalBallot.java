package org.mandate.objectives.ballot;


import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.mandate.objectives.ballot.BallotRejected.Reason.*;

/**
 * Yes or no on rules put to the panel: data-use rules ("never use age"), floors ("novelty ≥ 0.2").
 * An item the ballot does not mention is an abstention on it.
 *
 * @param votes item id → true (approve) or false (reject)
 */
public record ApprovalBallot(String voter, SortedMap<String, Boolean> votes) implements Ballot {

    public ApprovalBallot {
        if (voter == null || voter.isBlank()) throw new BallotRejected(MISSING_VOTER, "a ballot needs a voter id");
        if (votes == null || votes.isEmpty()) throw new BallotRejected(EMPTY, "an approval ballot needs at least one yes or no");
        votes = new TreeMap<>(votes);
        for (Map.Entry<String, Boolean> e : votes.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) throw new BallotRejected(UNKNOWN_OPTION, "an approval names a blank item");
            if (e.getValue() == null) throw new BallotRejected(EMPTY, "item '" + e.getKey() + "' needs yes or no; leave it out to abstain");
        }
    }

    public static ApprovalBallot of(String voter, Map<String, Boolean> votes) {
        return new ApprovalBallot(voter, new TreeMap<>(votes));
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("voter", voter);
        json.put("votes", votes);
        return json;
    }
}

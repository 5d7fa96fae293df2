package org.mandate.objectives.ballot;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mandate.objectives.ballot.BallotRejected.Reason.*;

/**
 * A ranking of packaged proposals (complete candidate mandates, the status quo among them), best first.
 * Each tier holds proposals the voter likes equally; proposals the voter leaves out rank together below
 * every ranked one, the usual convention for the Schulze method.
 *
 * @param voter a pseudonymous voter id
 * @param tiers proposal ids, best tier first
 */
public record RankingBallot(String voter, List<List<String>> tiers) implements Ballot {

    public RankingBallot {
        if (voter == null || voter.isBlank()) throw new BallotRejected(MISSING_VOTER, "a ballot needs a voter id");
        if (tiers == null || tiers.isEmpty()) throw new BallotRejected(EMPTY, "a ranking needs at least one proposal");
        Set<String> seen = new HashSet<>();
        List<List<String>> copy = new ArrayList<>();
        for (List<String> tier : tiers) {
            if (tier == null || tier.isEmpty()) throw new BallotRejected(EMPTY, "a ranking has an empty tier");
            for (String id : tier) {
                if (id == null || id.isBlank()) throw new BallotRejected(UNKNOWN_OPTION, "a ranking names a blank proposal");
                if (!seen.add(id)) throw new BallotRejected(DUPLICATE, "proposal '" + id + "' is ranked twice");
            }
            copy.add(tier.stream().sorted().toList());
        }
        tiers = List.copyOf(copy);
    }

    /** A strict ranking, best first. */
    public static RankingBallot of(String voter, String... bestFirst) {
        return new RankingBallot(voter, Arrays.stream(bestFirst).map(List::of).toList());
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("voter", voter);
        json.put("ranking", tiers);
        return json;
    }
}

package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.FloorBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.mandate.Bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Floors from floor proposals, objective by objective, by a majority median: a floor is set only when
 * a strict majority of the ballots propose one, at the most demanding level that a strict majority
 * supports (the k-th most demanding proposal, k = ⌊n/2⌋ + 1, counting "no floor" as the least
 * demanding). On one dimension with single-peaked preferences this is a median rule with phantoms at
 * "no floor", hence strategyproof (Moulin 1980). For a minimised metric the bound is a ceiling.
 */
public record FloorRule() {

    public static final String ID = "majority_median_floor";

    public String id() { return ID; }

    public int version() { return 1; }

    public Map<String, Object> settings() {
        return Map.of("support", "strict_majority_of_ballots", "level", "k-th most demanding, k=floor(n/2)+1");
    }

    public List<Bound> tally(List<FloorBallot> ballots, ObjectiveMenu menu) {
        if (ballots == null || ballots.isEmpty()) throw new IllegalArgumentException("cannot tally an empty profile: no floor ballots");
        Set<String> seen = new HashSet<>();
        for (FloorBallot b : ballots) {
            if (!seen.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
            for (String id : b.floors().keySet()) {
                if (!menu.objectives().contains(id)) throw new BallotRejected(BallotRejected.Reason.UNKNOWN_OBJECTIVE, "'" + id + "' is not on this panel's menu");
            }
        }
        int n = ballots.size(), k = n / 2 + 1;
        List<Bound> bounds = new ArrayList<>();
        for (String id : menu.objectives()) {
            boolean maximise = Catalogue.get(id).direction() == Direction.MAXIMISE;
            Double[] proposals = ballots.stream().map(b -> b.floors().get(id)).filter(v -> v != null).toArray(Double[]::new);
            if (proposals.length < k) continue;
            // Most demanding first: descending for a floor, ascending for a ceiling.
            Arrays.sort(proposals, maximise ? Comparator.reverseOrder() : Comparator.naturalOrder());
            bounds.add(new Bound(id, maximise ? Bound.Kind.FLOOR : Bound.Kind.CEILING, proposals[k - 1]));
        }
        return List.copyOf(bounds);
    }
}

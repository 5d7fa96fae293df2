package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pure function (ballots, menu, rule) → tally record. Ballots are put in voter order first, so the
 * same ballots in any order give the byte-identical record.
 */
public final class Tally {

    private Tally() {}

    public static TallyRecord run(List<WeightBallot> ballots, ObjectiveMenu menu, WeightRule rule) {
        return run(ballots, menu, rule, VotingRights.equal());
    }

    /**
     * The tally with voting rights. Equal rights give exactly the record of
     * {@link #run(List, ObjectiveMenu, WeightRule)}; otherwise the record's rule settings gain a
     * {@code voting_rights} entry with the cap and every voter's effective right, so the record still
     * names everything that ran.
     */
    public static TallyRecord run(List<WeightBallot> ballots, ObjectiveMenu menu, WeightRule rule, VotingRights rights) {
        List<WeightBallot> ordered = admitted(ballots, menu);
        double[][] profile = profile(ordered, menu);
        List<String> voters = ordered.stream().map(WeightBallot::voter).toList();
        double[] result;
        Map<String, Object> settings = new TreeMap<>(rule.settings());
        if (rights == null || rights.isEqual()) {
            result = rule.aggregate(profile);
        } else {
            result = rule.aggregate(profile, rights.vector(voters));
            settings.put("voting_rights", rights.toJson(voters));
        }
        TreeMap<String, Double> weights = new TreeMap<>();
        for (int j = 0; j < result.length; j++) weights.put(menu.objectives().get(j), result[j]);
        String digest = CanonicalJson.sha256(ordered.stream().map(WeightBallot::toJsonValue).toList());
        return new TallyRecord(rule.id(), rule.version(), settings, menu.objectives(), ordered.size(), digest, weights);
    }

    /** The ballots in voter order, each checked against the menu, one per voter. */
    static List<WeightBallot> admitted(List<WeightBallot> ballots, ObjectiveMenu menu) {
        List<WeightBallot> ordered = new ArrayList<>(ballots);
        ordered.sort(Comparator.comparing(WeightBallot::voter));
        Set<String> seen = new HashSet<>();
        for (WeightBallot b : ordered) {
            menu.admit(b);
            if (!seen.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
        }
        return ordered;
    }

    static double[][] profile(List<WeightBallot> ordered, ObjectiveMenu menu) {
        double[][] profile = new double[ordered.size()][];
        for (int v = 0; v < profile.length; v++) profile[v] = menu.vector(ordered.get(v));
        return profile;
    }
}

package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pure function (ballots, menu, rule) → tally record. Ballots are put in voter order first, so the
 * same ballots in any order give the byte-identical record.
 */
public final class Tally {

    private Tally() {}

    public static TallyRecord run(List<WeightBallot> ballots, ObjectiveMenu menu, WeightRule rule) {
        List<WeightBallot> ordered = new ArrayList<>(ballots);
        ordered.sort(Comparator.comparing(WeightBallot::voter));
        Set<String> seen = new HashSet<>();
        for (WeightBallot b : ordered) {
            menu.admit(b);
            if (!seen.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
        }
        double[][] profile = new double[ordered.size()][];
        for (int v = 0; v < profile.length; v++) profile[v] = menu.vector(ordered.get(v));
        double[] result = rule.aggregate(profile);
        TreeMap<String, Double> weights = new TreeMap<>();
        for (int j = 0; j < result.length; j++) weights.put(menu.objectives().get(j), result[j]);
        String digest = CanonicalJson.sha256(ordered.stream().map(WeightBallot::toJsonValue).toList());
        return new TallyRecord(rule.id(), rule.version(), rule.settings(), menu.objectives(), ordered.size(), digest, weights);
    }
}

package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.ComparisonBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.JsonValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tally of pairwise slate comparisons: each voter's implicit weights are fitted
 * ({@link BradleyTerryFit}), then the fitted weights are aggregated by a {@link WeightRule} exactly as
 * weight ballots are. The record keeps the digest of the comparison ballots, the fit's settings, every
 * voter's fit with its uncertainty, and the weight tally of the fitted ballots, so the whole chain can
 * be recomputed.
 */
public record ComparisonTally(String comparisonsDigest, Map<String, Object> model, List<PreferenceFit> fits,
                              TallyRecord tally) implements JsonValue {

    public ComparisonTally {
        model = new LinkedHashMap<>(model);
        fits = List.copyOf(fits);
    }

    public static ComparisonTally run(List<ComparisonBallot> ballots, ObjectiveMenu menu, BradleyTerryFit fit, WeightRule rule) {
        List<ComparisonBallot> ordered = new ArrayList<>(ballots);
        ordered.sort(Comparator.comparing(ComparisonBallot::voter));
        Set<String> seen = new HashSet<>();
        List<PreferenceFit> fits = new ArrayList<>();
        List<WeightBallot> fitted = new ArrayList<>();
        for (ComparisonBallot b : ordered) {
            if (!seen.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
            PreferenceFit f = fit.fit(b, menu);
            fits.add(f);
            fitted.add(f.toBallot());
        }
        TallyRecord tally = Tally.run(fitted, menu, rule);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", fit.id());
        model.put("version", fit.version());
        model.put("settings", fit.settings());
        String digest = CanonicalJson.sha256(ordered.stream().map(ComparisonBallot::toJsonValue).toList());
        return new ComparisonTally(digest, model, fits, tally);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("comparisons_digest", comparisonsDigest);
        json.put("model", model);
        json.put("fits", fits);
        json.put("tally", tally);
        return json;
    }
}

package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.objectives.metrics.PositionWeight;
import org.mandate.objectives.metrics.UserLists;

import java.util.TreeMap;

/**
 * Public value: attention for programmes the mandate tags as serving the public, by default local
 * productions ({@link ItemFeatures#publicValueTag()}, {@value ItemFeatures#DEFAULT_PUBLIC_VALUE_TAG}).
 * Headline: the position-weighted share of attention on tagged items, Σ_u Σ_r a(r) t_{R_u[r]} / Σ_u Σ_r a(r),
 * pooled over all lists as provider exposure is (RADio's Representation on one tag; broadcasters' quotas).
 * Detail {@code catalogue_share}: the share of catalogue items carrying the tag, the level a list that
 * ignored the tag would reach on average.
 */
public record PublicValue() implements Objective {

    public static final String ID = "public_value";

    @Override public String id() { return ID; }

    @Override public LocalizedText name() { return new LocalizedText("Public value", "Valeur publique"); }

    @Override public LocalizedText description() {
        return new LocalizedText(
                "Give a fair place in recommendations to programmes of public value, such as local productions.",
                "Donner une juste place dans les recommandations aux programmes d'intérêt public, comme les productions locales.");
    }

    @Override public Direction direction() { return Direction.MAXIMISE; }

    @Override public String metricName(int k) { return "tagged_exposure@" + k; }

    @Override
    public MetricValue evaluate(EvaluationData data) {
        boolean[] tagged = data.items().publicValueFlags();
        double exposed = 0, total = 0;
        for (UserLists u : data.users()) {
            int n = Math.min(data.k(), u.recommended().length);
            for (int r = 0; r < n; r++) {
                double a = PositionWeight.at(r + 1);
                if (tagged[u.recommended()[r]]) exposed += a;
                total += a;
            }
        }
        int count = 0;
        for (boolean t : tagged) if (t) count++;
        TreeMap<String, Double> details = new TreeMap<>();
        details.put("catalogue_share", (double) count / tagged.length);
        return new MetricValue(ID, metricName(data.k()), total == 0 ? 0 : exposed / total, details);
    }
}

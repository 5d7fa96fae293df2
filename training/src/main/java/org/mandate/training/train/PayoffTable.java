package org.mandate.training.train;

import org.mandate.objectives.json.JsonValue;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.model.WeightedTerm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payoff table of multi-objective optimisation, which gives weights their meaning: row j holds every
 * mandated surrogate's value at the single-objective optimum of term j. ideal_i is the diagonal entry and
 * nadir_i the value of term i at the <em>nearest</em> other optimum (the best value across the other rows
 * that is worse than the ideal);
 * the normalised term is ĝ_i = (g_i − ideal_i) / (nadir_i − ideal_i), so a weight is a share of an
 * achievable gap, and {@link org.mandate.training.model.Scalarisation} combines the w_i·ĝ_i.
 * <p>
 * Why the nearest and not the worst other optimum (the textbook payoff-table nadir): with three or more
 * objectives the worst row is typically a degenerate extreme. The novelty optimum recommends the rarest
 * programmes to everyone, so its relevance likelihood was 35 nats above the ideal, while the voted models
 * whose lists had lost nearly all their NDCG sat only 3–7 nats above it; normalised by the worst row, a
 * 41 % relevance weight protected nothing a voter can see. The nearest other optimum (here the
 * fair-exposure one, 6 nats) is the smallest sacrifice another single-minded objective forces, a gap the
 * trade-off actually spans. With two objectives both rules coincide.
 * A single-objective mandate needs no calibration: its table is empty and its term is the raw surrogate.
 *
 * @param objectives        the mandated objectives, in mandate order
 * @param matrix            optimum of objective j → (objective i → surrogate value g_i), empty when not calibrated
 * @param calibrationEpochs epochs of each calibration run (0 when not calibrated)
 */
public record PayoffTable(List<String> objectives, Map<String, Map<String, Double>> matrix, int calibrationEpochs)
        implements JsonValue {

    /** How nadir_i is taken from the table, as written into the manifest. */
    public static final String NADIR_RULE = "best value of the objective among the other objectives' optima that are worse than its ideal";

    /** Smallest gap used as a denominator, relative to max(1, |ideal|): a term the others cannot hurt stays finite. */
    static final double MIN_GAP = 1e-6;

    public PayoffTable {
        objectives = List.copyOf(objectives);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        matrix.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        matrix = java.util.Collections.unmodifiableMap(copy);
        if (!matrix.isEmpty()) {
            for (String j : objectives) {
                Map<String, Double> row = matrix.get(j);
                if (row == null || !row.keySet().containsAll(objectives)) {
                    throw new IllegalArgumentException("payoff table misses the row or a column of " + j);
                }
            }
        }
    }

    public static PayoffTable uncalibrated(List<String> objectives) {
        return new PayoffTable(objectives, Map.of(), 0);
    }

    public boolean calibrated() {
        return !matrix.isEmpty();
    }

    public double ideal(String objective) {
        requireCalibrated();
        return matrix.get(objective).get(objective);
    }

    public double nadir(String objective) {
        requireCalibrated();
        double ideal = ideal(objective), nearest = Double.POSITIVE_INFINITY;
        for (String j : objectives) {
            double g = matrix.get(j).get(objective);
            // An optimum no worse than the ideal bounds no trade-off; if all are, the gap is floored.
            if (!j.equals(objective) && g > ideal) nearest = Math.min(nearest, g);
        }
        return nearest == Double.POSITIVE_INFINITY ? ideal : nearest;
    }

    /** The denominator nadir − ideal, floored so that it is never zero or negative. */
    public double gap(String objective) {
        double ideal = ideal(objective);
        return Math.max(nadir(objective) - ideal, MIN_GAP * Math.max(1, Math.abs(ideal)));
    }

    /** The mandate's loss terms, normalised by this table (raw surrogates when not calibrated). */
    public List<WeightedTerm> terms(Mandate mandate) {
        List<WeightedTerm> terms = new ArrayList<>();
        for (String id : objectives) {
            double w = mandate.weight(id);
            terms.add(calibrated() ? new WeightedTerm(id, w, ideal(id), gap(id)) : new WeightedTerm(id, w, 0, 1));
        }
        return terms;
    }

    private void requireCalibrated() {
        if (!calibrated()) throw new IllegalStateException("single-objective mandate: no payoff table was calibrated");
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objectives", objectives);
        json.put("calibrated", calibrated());
        json.put("calibration_epochs", calibrationEpochs);
        json.put("nadir_rule", NADIR_RULE);
        json.put("surrogate_at_optimum_of", matrix);
        if (calibrated()) {
            Map<String, Object> ideal = new LinkedHashMap<>(), nadir = new LinkedHashMap<>();
            for (String id : objectives) {
                ideal.put(id, ideal(id));
                nadir.put(id, nadir(id));
            }
            json.put("ideal", ideal);
            json.put("nadir", nadir);
        }
        return json;
    }
}

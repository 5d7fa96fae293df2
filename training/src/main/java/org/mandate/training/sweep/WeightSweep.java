package org.mandate.training.sweep;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Trains one model per point of a simplex lattice over a mandate's weighted terms (step 0.25 over three
 * terms is 15 points) and finds the non-dominated ones: the trade-offs a panel could have voted, measured
 * rather than guessed. Each point is a full {@link TrainingRun#execute}; the payoff-table calibration is
 * cached, so it is paid once per objective, but training is paid per point: keep lattices coarse.
 */
public final class WeightSweep {

    private WeightSweep() {}

    /**
     * Every weight vector on {@code objectives} whose entries are multiples of {@code step} and sum to 1,
     * in lexicographic order of the first objective's weight descending (the first point puts all weight
     * on the first objective).
     */
    public static List<SortedMap<String, Double>> lattice(List<String> objectives, double step) {
        if (objectives.isEmpty()) throw new IllegalArgumentException("a lattice needs at least one objective");
        if (objectives.stream().distinct().count() != objectives.size()) throw new IllegalArgumentException("objectives repeat");
        if (!(step > 0 && step <= 1)) throw new IllegalArgumentException("step must be in (0, 1], got " + step);
        long divisions = Math.round(1 / step);
        if (Math.abs(divisions * step - 1) > 1e-9) throw new IllegalArgumentException("step " + step + " must divide 1");
        List<SortedMap<String, Double>> out = new ArrayList<>();
        compositions(objectives, (int) divisions, new int[objectives.size()], 0, (int) divisions, out);
        return out;
    }

    private static void compositions(List<String> ids, int divisions, int[] counts, int position, int left,
                                     List<SortedMap<String, Double>> out) {
        if (position == counts.length - 1) {
            counts[position] = left;
            TreeMap<String, Double> w = new TreeMap<>();
            for (int j = 0; j < counts.length; j++) w.put(ids.get(j), counts[j] / (double) divisions);
            out.add(w);
            return;
        }
        for (int c = left; c >= 0; c--) {
            counts[position] = c;
            compositions(ids, divisions, counts, position + 1, left - c, out);
        }
    }

    /**
     * Sweeps the terms {@code template} puts positive weight on, keeping its bounds, data-use rules and
     * exposure targets, and judges dominance on those terms' metrics in their catalogue directions.
     */
    public static SweepResult run(InteractionData data, HoldoutSplit split, Mandate template, double step,
                                  TrainerConfig config, ProgressListener progress) {
        return run(data, split, template, step, config, progress, 0, PointListener.NONE);
    }

    /**
     * As {@link #run(InteractionData, HoldoutSplit, Mandate, double, TrainerConfig, ProgressListener)}, and keeps each
     * point's top {@value #EXAMPLE_SLATE_SIZE} for the first {@code exampleUsers} held-out users with a fold-in
     * history ({@link #exampleUsers}), telling {@code points} as each point finishes.
     */
    public static SweepResult run(InteractionData data, HoldoutSplit split, Mandate template, double step,
                                  TrainerConfig config, ProgressListener progress, int exampleUsers, PointListener points) {
        List<String> objectives = template.weights().entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey()).toList();
        List<SortedMap<String, Double>> lattice = lattice(objectives, step);
        int[] examples = exampleUsers(split, exampleUsers);
        List<SweepPoint> trained = new ArrayList<>();
        for (SortedMap<String, Double> weights : lattice) {
            TreeMap<String, Double> positive = new TreeMap<>();
            weights.forEach((id, w) -> { if (w > 0) positive.put(id, w); });
            Mandate mandate = new Mandate(positive, template.bounds(), template.dataUse(), template.exposureTargets(),
                    Provenance.baseline("weight sweep point " + positive));
            TrainingResult r = TrainingRun.execute(data, split, mandate, config, progress);
            List<ExampleSlate> slates = new ArrayList<>();
            for (int j : examples) {
                int[] foldIn = split.foldIn()[j];
                int[] top = Evaluator.topK(r.model().scores(new int[][]{foldIn})[0], foldIn, EXAMPLE_SLATE_SIZE);
                slates.add(ExampleSlate.of(split.heldOutUsers()[j], top, data.catalogue()));
            }
            SweepPoint point = new SweepPoint(weights, mandate, r.evaluation(), r.manifest(), r.seconds(), slates);
            trained.add(point);
            points.pointFinished(trained.size(), lattice.size(), point);
        }
        return new SweepResult(objectives, step, trained, nonDominated(trained, objectives));
    }

    /** Items per example slate. */
    public static final int EXAMPLE_SLATE_SIZE = 5;

    /**
     * Positions (in {@code split.heldOutUsers()}) of the first {@code count} held-out users with a fold-in history:
     * fixed by the split, so every point of a sweep, and a re-run, shows the same people.
     */
    public static int[] exampleUsers(HoldoutSplit split, int count) {
        if (count < 0) throw new IllegalArgumentException("example user count must be >= 0");
        int[] out = new int[count];
        int n = 0;
        for (int j = 0; j < split.heldOutUsers().length && n < count; j++) {
            if (split.foldIn()[j].length > 0) out[n++] = j;
        }
        if (n < count) throw new IllegalArgumentException("only " + n + " held-out user(s) have a history to show; asked for " + count);
        return out;
    }

    /** Told after each lattice point is trained and evaluated (for progress displays). */
    @FunctionalInterface
    public interface PointListener {
        PointListener NONE = (index, total, point) -> {};

        /** @param index 1-based position of {@code point} in the lattice of {@code total} points */
        void pointFinished(int index, int total, SweepPoint point);
    }

    /** The points no other point weakly beats on every objective while strictly beating on one; input order kept. */
    public static List<SweepPoint> nonDominated(List<SweepPoint> points, List<String> objectives) {
        List<SweepPoint> front = new ArrayList<>();
        for (SweepPoint p : points) {
            boolean dominated = false;
            for (SweepPoint q : points) {
                if (q != p && dominates(q, p, objectives)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) front.add(p);
        }
        return front;
    }

    private static boolean dominates(SweepPoint a, SweepPoint b, List<String> objectives) {
        boolean strictly = false;
        for (String id : objectives) {
            Direction d = Catalogue.get(id).direction();
            double x = a.value(id), y = b.value(id);
            if (d.improves(x, y)) return false;
            if (d.improves(y, x)) strictly = true;
        }
        return strictly;
    }
}

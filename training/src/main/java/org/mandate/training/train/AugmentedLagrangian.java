package org.mandate.training.train;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.json.JsonValue;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.UserLists;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.model.GraphPenalty;
import org.mandate.training.model.InputEncoder;
import org.mandate.training.model.MultDaeGraph;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.surrogate.SurrogateInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Enforces a mandate's floors and ceilings with the augmented Lagrangian method (Hestenes 1969, Powell 1969;
 * Nocedal and Wright, ch. 17): the loss gets Σ_j (ρ_j/2)·max(0, g_j + λ_j/ρ_j)² − λ_j²/(2ρ_j) (see
 * {@link FloorConstraint}), and after every epoch, with g_j measured by the real metric on the training users'
 * top-k lists (made from 80 % of each history, as the held-out users' lists are made from their fold-in), λ_j ← max(0, λ_j + ρ_j·g_j); ρ_j grows by {@value #RHO_GROWTH}× when the violation max(0, g_j)
 * did not at least halve. Multipliers, penalties and the per-epoch history go into the run manifest.
 * <p>
 * Why once per epoch and measured on whole lists: the multiplier answers "is the bound met by the model?",
 * which only the real metric over all training users' lists can say; a mini-batch estimate would be noisy
 * and is what the gradient, not the multiplier, uses.
 */
public final class AugmentedLagrangian implements GraphPenalty, JsonValue {

    /** Initial penalty ρ, in loss units per squared metric unit. */
    public static final double RHO_INITIAL = 10;
    /** Factor by which ρ grows when the violation did not shrink enough. */
    public static final double RHO_GROWTH = 4;
    /** The violation must fall below this share of the previous one for ρ to stay. */
    public static final double SHRINK = 0.5;
    /** Largest ρ: beyond it the penalty's curvature swamps every other term. */
    public static final double RHO_MAX = 1e6;

    /** Share of each training history shown to the model when the bounds are measured, as the held-out split's fold-in. */
    static final double FOLD_IN = 0.8;
    private static final long FOLD_IN_SEED = 0x6A09E667F3BCC909L;

    private final List<FloorConstraint> constraints;
    private final int k;
    private final DataType dtype;
    private final double[] lambda, rho, offset, previous;
    private final List<List<double[]>> history = new ArrayList<>();

    /** One epoch's record of a bound: epoch, metric, estimate, violation g, λ and ρ after the update. */
    private static final int HISTORY_FIELDS = 6;

    public AugmentedLagrangian(List<Bound> bounds, int k, DataType dtype) {
        List<FloorConstraint> c = new ArrayList<>();
        for (int j = 0; j < bounds.size(); j++) c.add(new FloorConstraint(bounds.get(j), j));
        this.constraints = List.copyOf(c);
        this.k = k;
        this.dtype = dtype;
        int n = bounds.size();
        lambda = new double[n];
        rho = new double[n];
        offset = new double[n];
        previous = new double[n];
        Arrays.fill(rho, RHO_INITIAL);
        Arrays.fill(previous, Double.POSITIVE_INFINITY);
        for (int j = 0; j < n; j++) history.add(new ArrayList<>());
    }

    public boolean isEmpty() {
        return constraints.isEmpty();
    }

    public List<FloorConstraint> constraints() {
        return constraints;
    }

    public double lambda(int j) { return lambda[j]; }
    public double rho(int j) { return rho[j]; }

    @Override
    public SDVariable build(SurrogateInputs in, SDVariable logits) {
        SoftTopK top = SoftTopK.declare(in.sd(), logits, in.consumed(), dtype, (int) in.publicValueTag().getShape()[0]);
        SDVariable sum = null;
        for (FloorConstraint c : constraints) {
            SDVariable term = c.build(in, top, dtype);
            sum = sum == null ? term : sum.add(term);
        }
        if (sum == null) throw new IllegalStateException("no constraint to build");
        return sum;
    }

    @Override
    public Map<String, INDArray> feed(INDArray logits, INDArray consumed) {
        Map<String, INDArray> feed = SoftTopK.feed(logits, consumed, k);
        for (FloorConstraint c : constraints) {
            int j = c.index();
            feed.put(c.lambdaName(), Nd4j.scalar(lambda[j]).castTo(dtype));
            feed.put(c.rhoName(), Nd4j.scalar(rho[j]).castTo(dtype));
            feed.put(c.offsetName(), Nd4j.scalar(offset[j]).castTo(dtype));
        }
        return feed;
    }

    /**
     * Measures every bound on the training users' lists and updates the multipliers (epoch ≥ 1) or only the
     * calibration offsets and the starting violation (epoch 0, before training).
     */
    public void update(int epoch, MultDaeGraph graph, InteractionData data, ItemFeatures features, double[] targetShares,
                       int batchSize) {
        double[][] measured = measure(graph, data, features, targetShares, batchSize);
        for (FloorConstraint c : constraints) {
            int j = c.index();
            double metric = measured[0][j], estimate = measured[1][j];
            double g = c.violation(metric);
            double v = Math.max(0, g);
            if (epoch > 0) {
                lambda[j] = Math.max(0, lambda[j] + rho[j] * g);
                if (v > 0 && v > SHRINK * previous[j]) rho[j] = Math.min(RHO_MAX, rho[j] * RHO_GROWTH);
            }
            previous[j] = v;
            offset[j] = metric - estimate;
            history.get(j).add(new double[]{epoch, metric, estimate, g, lambda[j], rho[j]});
        }
    }

    /**
     * [0][j]: the real metric of bound j on the training users' top-k lists; [1][j]: its soft estimate. The lists
     * are made as the evaluation makes the held-out users' ones: the model is shown a fixed {@value #FOLD_IN} of each
     * history and the list excludes only what it was shown, so the multipliers see the quantity the audit reports.
     */
    private double[][] measure(MultDaeGraph graph, InteractionData data, ItemFeatures features, double[] targetShares,
                               int batchSize) {
        RecommenderModel model = new RecommenderModel(graph.parameters());
        int users = data.userCount(), n = constraints.size();
        List<UserLists> lists = new ArrayList<>(users);
        double[] estimates = new double[n];
        List<String> names = constraints.stream().map(FloorConstraint::estimateName).toList();
        SplittableRandom rng = new SplittableRandom(FOLD_IN_SEED);
        for (int from = 0; from < users; from += batchSize) {
            int to = Math.min(users, from + batchSize);
            int[][] shown = new int[to - from][];
            for (int u = from; u < to; u++) shown[u - from] = foldIn(data.histories()[u], rng);
            INDArray x = InputEncoder.input(shown, data.itemCount(), 0, null, graph.dtype());
            double[][] scores = model.logits(x).castTo(DataType.DOUBLE).toDoubleMatrix();
            for (int u = 0; u < shown.length; u++) lists.add(new UserLists(Evaluator.topK(scores[u], shown[u], k), null, shown[u]));
            Map<String, Double> est = graph.scalars(x, InputEncoder.targets(shown, data.itemCount(), graph.dtype()), names);
            for (int j = 0; j < n; j++) estimates[j] += est.get(names.get(j)) * (to - from) / users;
        }
        TreeMap<String, Double> targets = new TreeMap<>();
        for (int g = 0; g < targetShares.length; g++) targets.put(features.providerGroups().get(g), targetShares[g]);
        EvaluationData measured = new EvaluationData(lists, features, k, targets);
        double[] metrics = new double[n];
        for (FloorConstraint c : constraints) metrics[c.index()] = Catalogue.get(c.bound().objective()).evaluate(measured).value();
        return new double[][]{metrics, estimates};
    }

    /** A fixed share of a history (at least one item), drawn from {@code rng}; the whole history when it is that short. */
    private static int[] foldIn(int[] history, SplittableRandom rng) {
        if (history.length < 2) return history;
        int[] kept = new int[history.length];
        int n = 0;
        for (int i : history) if (rng.nextDouble() < FOLD_IN) kept[n++] = i;
        return n == 0 ? new int[]{history[0]} : Arrays.copyOf(kept, n);
    }

    /** Writes λ, ρ, offsets, the last violations and the history, bit for bit (for a checkpoint). */
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(constraints.size());
        for (int j = 0; j < constraints.size(); j++) {
            out.writeDouble(lambda[j]);
            out.writeDouble(rho[j]);
            out.writeDouble(offset[j]);
            out.writeDouble(previous[j]);
            out.writeInt(history.get(j).size());
            for (double[] h : history.get(j)) for (double v : h) out.writeDouble(v);
        }
    }

    /** Restores what {@link #writeState} wrote; the bounds must be the same. */
    public void readState(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n != constraints.size()) throw new IOException("the checkpoint has " + n + " bound(s), this run " + constraints.size());
        for (int j = 0; j < n; j++) {
            lambda[j] = in.readDouble();
            rho[j] = in.readDouble();
            offset[j] = in.readDouble();
            previous[j] = in.readDouble();
            int entries = in.readInt();
            if (entries < 0 || entries > 1_000_000) throw new IOException("implausible history length " + entries);
            history.get(j).clear();
            for (int e = 0; e < entries; e++) {
                double[] h = new double[HISTORY_FIELDS];
                for (int f = 0; f < HISTORY_FIELDS; f++) h[f] = in.readDouble();
                history.get(j).add(h);
            }
        }
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "augmented_lagrangian");
        json.put("constraint", "floor: g = threshold - (estimate + offset); ceiling: g = (estimate + offset) - threshold; met when g <= 0");
        json.put("penalty", "(rho/2) * max(0, g + lambda/rho)^2 - lambda^2 / (2*rho)");
        json.put("estimate", "metric on soft top-k lists: sigmoid((s - theta)/T), theta between ranks k and k+1, T = half the logit drop from rank k to 2k, position weights a(rank)");
        json.put("update", "after each epoch, g measured by the real metric on the training users' top-k lists (model shown a fixed "
                + FOLD_IN + " of each history, lists excluding what it was shown, as for held-out users): lambda <- max(0, lambda + rho*g); rho *= "
                + RHO_GROWTH + " when max(0, g) > " + SHRINK + " * previous; offset = metric - estimate");
        json.put("rho_initial", RHO_INITIAL);
        json.put("rho_max", RHO_MAX);
        List<Object> bounds = new ArrayList<>();
        for (FloorConstraint c : constraints) {
            int j = c.index();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("objective", c.bound().objective());
            b.put("kind", c.bound().kind().name().toLowerCase());
            b.put("threshold", c.bound().value());
            b.put("lambda", lambda[j]);
            b.put("rho", rho[j]);
            List<Object> rows = new ArrayList<>();
            for (double[] h : history.get(j)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("epoch", (int) h[0]);
                row.put("metric", h[1]);
                row.put("estimate", h[2]);
                row.put("violation", h[3]);
                row.put("lambda", h[4]);
                row.put("rho", h[5]);
                rows.add(row);
            }
            b.put("history", rows);
            bounds.add(b);
        }
        json.put("bounds", bounds);
        return json;
    }
}

package org.mandate.training.train;

import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.data.InteractionData;
import org.mandate.training.model.InputEncoder;
import org.mandate.training.model.ModelParameters;
import org.mandate.training.model.MultDaeGraph;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.model.WeightedTerm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Mini-batch training of the Mult-DAE against a weighted sum of surrogates (plus the augmented-Lagrangian
 * penalty of the mandate's floors and ceilings), with Adam. Every random choice (initial weights, batch order,
 * dropout masks) comes from {@link SplittableRandom}s seeded by the config, so the same seed on the same machine
 * yields the same parameters, also across a crash and a resume from the last {@link Checkpoint}.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    static final DataType DTYPE = DataType.FLOAT;

    private final TrainerConfig config;
    private final ProgressListener progress;

    public Trainer(TrainerConfig config, ProgressListener progress) {
        this.config = config;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    public TrainerConfig config() {
        return config;
    }

    /**
     * Trains on every user of {@code training} (input = corrupted history, target = full history), without
     * constraints or checkpoints.
     *
     * @param features     popularity and provider groups the surrogates read
     * @param targetShares τ per provider group
     * @param terms        the loss, Σ weight·(g − offset)/scale
     * @param phase        label for logs and progress
     */
    public RecommenderModel train(InteractionData training, ItemFeatures features, double[] targetShares,
                                  List<WeightedTerm> terms, String phase) {
        return train(training, features, targetShares, terms, List.of(), phase, CheckpointStore.NONE).model();
    }

    /**
     * As {@link #train(InteractionData, ItemFeatures, double[], List, String)}, with the mandate's floors and
     * ceilings enforced by an {@link AugmentedLagrangian}, and a {@link Checkpoint} written to {@code checkpoints}
     * after every epoch (before progress is reported, so a listener that stops the run leaves that epoch saved).
     * When the store is resuming and holds a checkpoint of {@code phase}, training continues after its epoch and
     * ends with the same parameters, bit for bit, as a run that never stopped.
     * <p>
     * Randomness: one generator seeded by the config shuffles and draws the dropout masks of every epoch in turn;
     * resuming replays the draws of the epochs already done, so the stream, hence the model, is the uninterrupted one.
     */
    public Outcome train(InteractionData training, ItemFeatures features, double[] targetShares, List<WeightedTerm> terms,
                         List<Bound> bounds, String phase, CheckpointStore checkpoints) {
        AugmentedLagrangian constraints = new AugmentedLagrangian(bounds, config.k(), DTYPE);
        int users = training.userCount();
        int[] order = new int[users];
        for (int u = 0; u < users; u++) order[u] = u;
        int totalSteps = config.epochs() * ((users + config.batchSize() - 1) / config.batchSize());
        Adam adam = new Adam(step -> config.schedule().rate(config.learningRate(), step, totalSteps), config.weightDecay(),
                java.util.Set.of("w1", "w2"));
        Optional<Checkpoint> saved = checkpoints.epoch(phase);
        ModelParameters init;
        int done = 0;
        if (saved.isPresent()) {
            Checkpoint c = saved.get();
            init = ModelParameters.fromMap(c.parameters());
            if (c.order().length != users || init.items() != training.itemCount() || init.hidden() != config.hidden()
                    || c.epoch() > config.epochs()) {
                throw new CheckpointRefused("checkpoint of " + phase + " in " + checkpoints.directory()
                        + " does not fit this data and configuration; refusing to resume");
            }
            order = c.order().clone();
            adam.restore(c.adamStep(), c.firstMoments(), c.secondMoments());
            try {
                constraints.readState(new DataInputStream(new ByteArrayInputStream(c.constraintState())));
            } catch (IOException e) {
                throw new CheckpointRefused("checkpoint of " + phase + " in " + checkpoints.directory() + ": " + e.getMessage(), e);
            }
            done = c.epoch();
            LOG.info("{}: resuming after epoch {}/{} from {}", phase, done, config.epochs(), checkpoints.directory());
        } else {
            init = ModelParameters.initialise(training.itemCount(), config.hidden(), config.seed(), DTYPE);
        }
        MultDaeGraph graph = new MultDaeGraph(init, features, targetShares, terms, config.scalarisation(), List.of(),
                constraints.isEmpty() ? List.of() : List.of(constraints));
        if (done == 0 && !constraints.isEmpty()) {
            constraints.update(0, graph, training, features, targetShares, config.batchSize());
        }
        // One stream for the whole phase, as an uninterrupted run draws it: a resumed run replays the shuffles and
        // dropout draws of the epochs already done (cheap: no network), then checks it reached the saved batch order.
        SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L);
        if (done > 0) {
            int[] replayed = new int[users];
            for (int u = 0; u < users; u++) replayed[u] = u;
            for (int e = 1; e <= done; e++) {
                shuffle(replayed, rng);
                for (int from = 0; from < users; from += config.batchSize()) {
                    InputEncoder.skipDropout(batch(training, replayed, from, Math.min(users, from + config.batchSize())), config.dropout(), rng);
                }
            }
            if (!java.util.Arrays.equals(replayed, order)) {
                throw new CheckpointRefused("checkpoint of " + phase + " in " + checkpoints.directory()
                        + ": its batch order is not the one this seed gives after " + done + " epoch(s); refusing to resume");
            }
        }
        Map<String, INDArray> live = graph.parameters().asMap();
        for (int epoch = done + 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, rng);
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < users; from += config.batchSize()) {
                int[][] batch = batch(training, order, from, Math.min(users, from + config.batchSize()));
                INDArray x = InputEncoder.input(batch, training.itemCount(), config.dropout(), rng, DTYPE);
                INDArray y = InputEncoder.targets(batch, training.itemCount(), DTYPE);
                MultDaeGraph.Step step = graph.step(x, y);
                adam.update(live, step.gradients());
                lossSum += step.loss();
                batches++;
            }
            double loss = lossSum / batches;
            if (!Double.isFinite(loss)) throw new IllegalStateException(phase + ": loss diverged at epoch " + epoch);
            if (!constraints.isEmpty()) constraints.update(epoch, graph, training, features, targetShares, config.batchSize());
            if (checkpoints.enabled()) checkpoints.saveEpoch(phase, checkpoint(epoch, adam, order, live, constraints));
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("{} epoch {}/{} loss {} ({} s)", phase, epoch, config.epochs(), String.format("%.5f", loss),
                    String.format("%.2f", seconds));
            progress.epochFinished(phase, epoch, config.epochs(), loss, seconds);
        }
        return new Outcome(new RecommenderModel(graph.parameters().copy()), constraints);
    }

    /** A trained model and the constraint state it ended with (multipliers and history; empty without bounds). */
    public record Outcome(RecommenderModel model, AugmentedLagrangian constraints) {}

    private static Checkpoint checkpoint(int epoch, Adam adam, int[] order, Map<String, INDArray> live,
                                         AugmentedLagrangian constraints) {
        Map<String, INDArray> m = new LinkedHashMap<>(), v = new LinkedHashMap<>();
        for (String name : ModelParameters.NAMES) {
            m.put(name, adam.firstMoment(name));
            v.put(name, adam.secondMoment(name));
        }
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(state)) {
            constraints.writeState(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checkpoint(epoch, adam.step(), order.clone(), live, m, v, state.toByteArray());
    }

    /**
     * Each named surrogate's value for {@code model} on all users of {@code data}: the mean of mini-batch
     * values weighted by batch size, with input dropout drawn from a fixed seed — the same quantity the
     * training loss averages (relevance is measured on the items dropout hides).
     */
    public Map<String, Double> surrogateValues(RecommenderModel model, InteractionData data, ItemFeatures features,
                                               double[] targetShares, Collection<String> objectives) {
        List<String> ids = List.copyOf(objectives);
        MultDaeGraph graph = new MultDaeGraph(model.parameters(), features, targetShares,
                List.of(WeightedTerm.alone(ids.getFirst())), ids);
        int users = data.userCount();
        int[] order = new int[users];
        for (int u = 0; u < users; u++) order[u] = u;
        Map<String, Double> sums = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        for (int from = 0; from < users; from += config.batchSize()) {
            int to = Math.min(users, from + config.batchSize());
            int[][] batch = batch(data, order, from, to);
            Map<String, Double> v = graph.evaluate(InputEncoder.input(batch, data.itemCount(), config.dropout(), rng, DTYPE),
                    InputEncoder.targets(batch, data.itemCount(), DTYPE));
            int n = to - from;
            v.forEach((id, value) -> sums.merge(id, value * n, Double::sum));
        }
        sums.replaceAll((id, s) -> s / users);
        return sums;
    }

    private static int[][] batch(InteractionData data, int[] order, int from, int to) {
        int[][] b = new int[to - from][];
        for (int j = from; j < to; j++) b[j - from] = data.histories()[order[j]];
        return b;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

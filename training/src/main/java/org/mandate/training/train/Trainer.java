package org.mandate.training.train;

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

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batch training of the Mult-DAE against a weighted sum of surrogates, with Adam. Every random
 * choice (initial weights, batch order, dropout masks) comes from {@link SplittableRandom}s seeded by the
 * config, so the same seed on the same machine yields the same parameters.
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
     * Trains on every user of {@code training} (input = corrupted history, target = full history).
     *
     * @param features     popularity and provider groups the surrogates read
     * @param targetShares τ per provider group
     * @param terms        the loss, Σ weight·(g − offset)/scale
     * @param phase        label for logs and progress
     */
    public RecommenderModel train(InteractionData training, ItemFeatures features, double[] targetShares,
                                  List<WeightedTerm> terms, String phase) {
        ModelParameters init = ModelParameters.initialise(training.itemCount(), config.hidden(), config.seed(), DTYPE);
        MultDaeGraph graph = new MultDaeGraph(init, features, targetShares, terms, config.scalarisation(), List.of());
        Adam adam = new Adam(config.learningRate());
        SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L);
        int users = training.userCount();
        int[] order = new int[users];
        for (int u = 0; u < users; u++) order[u] = u;
        Map<String, INDArray> live = graph.parameters().asMap();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
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
            double seconds = (System.nanoTime() - start) / 1e9;
            double loss = lossSum / batches;
            if (!Double.isFinite(loss)) throw new IllegalStateException(phase + ": loss diverged at epoch " + epoch);
            LOG.info("{} epoch {}/{} loss {} ({} s)", phase, epoch, config.epochs(), String.format("%.5f", loss),
                    String.format("%.2f", seconds));
            progress.epochFinished(phase, epoch, config.epochs(), loss, seconds);
        }
        return new RecommenderModel(graph.parameters().copy());
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

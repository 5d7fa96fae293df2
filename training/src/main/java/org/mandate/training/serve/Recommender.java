package org.mandate.training.serve;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.PersonalWeights;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.NonProfilingRanking;
import org.mandate.training.model.RecommenderModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Serves a trained model: each user's top k for the weights that user chose within the mandate's
 * {@link org.mandate.objectives.mandate.Personalisation}, or the shared list not based on profiling. Usage:
 *
 * <pre>{@code
 * Recommender serving = new Recommender(result.model(), mandate, split.trainingData(data));
 * Recommendation r = serving.recommend(RecommendationRequest.personal(history, Map.of("relevance", 0.6, "novelty", 0.4), 10));
 * }</pre>
 *
 * Construction samples users from the training data, scores them with the model and measures the serving payoff
 * table ({@link ServingPayoff}); requests then only score one history and re-rank ({@link Reranker}). Requests may
 * come from many threads.
 */
public final class Recommender {

    /** Users sampled for the serving payoff table and for how widely each item is already recommended. */
    public static final int DEFAULT_SAMPLE_USERS = 200;
    /** List length of the payoff table, the evaluator's usual cut-off. */
    public static final int REFERENCE_K = 10;

    private final RecommenderModel model;
    private final Mandate mandate;
    private final InteractionData training;
    private final Reranker reranker;
    private final ServingPayoff payoff;
    private final NonProfilingRanking votedShared;

    /** @param training the data the model was trained on: popularity and the payoff sample come from it */
    public Recommender(RecommenderModel model, Mandate mandate, InteractionData training) {
        this(model, mandate, training, DEFAULT_SAMPLE_USERS, 42);
    }

    public Recommender(RecommenderModel model, Mandate mandate, InteractionData training, int sampleUsers, long seed) {
        if (model.itemCount() != training.itemCount()) {
            throw new IllegalArgumentException("the model scores " + model.itemCount() + " items but the data has " + training.itemCount());
        }
        if (sampleUsers < 1) throw new IllegalArgumentException("at least one user must be sampled");
        this.model = model;
        this.mandate = mandate;
        this.training = training;
        double[] tau = new EvaluationData(List.of(), training.features(), 1, mandate.exposureTargets()).targetShares();
        int[] sample = sample(training.userCount(), sampleUsers, seed);
        int[][] histories = new int[sample.length][];
        for (int j = 0; j < sample.length; j++) histories[j] = training.histories()[sample[j]];
        double[][] logits = model.scores(histories);
        double[] shared = new double[training.itemCount()];
        List<double[]> logP = new ArrayList<>();
        for (int j = 0; j < sample.length; j++) {
            for (int i : Evaluator.topK(logits[j], histories[j], REFERENCE_K)) shared[i] += 1.0 / sample.length;
            logP.add(Reranker.logSoftmax(logits[j], histories[j]));
        }
        ListGains gains = new ListGains(training.features(), tau, shared);
        this.payoff = ServingPayoff.measure(gains, logP, Arrays.asList(histories), REFERENCE_K);
        this.reranker = new Reranker(gains, payoff);
        this.votedShared = new NonProfilingRanking(training, mandate, NonProfilingRanking.Exclusion.NONE);
    }

    public Mandate mandate() {
        return mandate;
    }

    public int itemCount() {
        return training.itemCount();
    }

    /**
     * The list for one request.
     *
     * @throws WeightsRefused           when the mandate does not allow the requested weights
     * @throws IllegalArgumentException when the history names an item outside the catalogue
     */
    public Recommendation recommend(RecommendationRequest request) {
        SortedMap<String, Double> weights = new TreeMap<>(mandate.weights());
        double shift = 0;
        if (request.weights() != null) {
            switch (PersonalWeights.validate(mandate, request.weights())) {
                case PersonalWeights.Accepted a -> {
                    weights = new TreeMap<>(a.weights());
                    shift = a.shift();
                }
                case PersonalWeights.Refused r -> throw new WeightsRefused(r);
            }
        }
        if (request.mode() == RecommendationRequest.Mode.NON_PROFILING) {
            // No history is read, not even to skip seen items: that would already use the viewer's data.
            NonProfilingRanking ranking = shift == 0 ? votedShared : new NonProfilingRanking(training,
                    new Mandate(weights, mandate.bounds(), mandate.dataUse(), mandate.exposureTargets(), mandate.provenance()),
                    NonProfilingRanking.Exclusion.NONE);
            return new Recommendation(ranking.recommend(new int[0], request.k()), request.mode(), weights, shift, ranking.ignoredObjectives());
        }
        for (int i : request.history()) {
            if (i < 0 || i >= training.itemCount()) {
                throw new IllegalArgumentException("item " + i + " is not in the catalogue of " + training.itemCount() + " items");
            }
        }
        double[] logits;
        synchronized (model) {
            logits = model.scores(new int[][] {request.history()})[0];
        }
        int[] items = reranker.rerank(logits, request.history(), mandate.weights(), weights, request.k());
        return new Recommendation(items, request.mode(), weights, shift, List.of());
    }

    /** The serving payoff table, for a transparency notice. */
    public Map<String, Object> payoffJson() {
        return new LinkedHashMap<>(payoff.toJson());
    }

    /** {@code count} distinct users drawn with a seeded shuffle (all users when there are fewer), ascending. */
    private static int[] sample(int users, int count, long seed) {
        int[] all = new int[users];
        for (int u = 0; u < users; u++) all[u] = u;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = users - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, Math.min(users, count));
        Arrays.sort(out);
        return out;
    }
}

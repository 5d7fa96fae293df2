package org.mandate.bench;

import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.Ease;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.MostPopular;
import org.mandate.training.run.TrainingResult;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.LearningRateSchedule;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Relevance-only Mult-DAE against EASE on the same split, MovieLens-100K shape (943 users × 1,682 items, ≈ 100K
 * interactions, {@link SyntheticBroadcaster.Config#movieLens100kSize}), for seeds 1, 2 and 3: NDCG@10 of both, and
 * the gap. Target (issue #3): the Mult-DAE within 5 % of EASE.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.mandate.bench.RelevanceVsEase [seeds=1,2,3] [lambda=200]
 *      [hidden=.. epochs=.. batch=.. lr=.. dropout=.. wd=.. schedule=constant|cosine]</pre>
 *
 * Without hyper-parameter overrides the trainer runs {@link TrainerConfig#movieLens100k(long)}. EASE is training's
 * {@link Ease} (closed form through a Cholesky factorisation, about a second at 1,682 items).
 */
public final class RelevanceVsEase {

    private RelevanceVsEase() {}

    public static void main(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("arguments are key=value, got " + a);
            opt.put(a.substring(0, eq), a.substring(eq + 1));
        }
        double lambda = Double.parseDouble(opt.getOrDefault("lambda", "200"));
        double worst = Double.POSITIVE_INFINITY;
        for (String s : opt.getOrDefault("seeds", "1,2,3").split(",")) {
            long seed = Long.parseLong(s.trim());
            TrainerConfig base = TrainerConfig.movieLens100k(seed);
            TrainerConfig config = new TrainerConfig(
                    Integer.parseInt(opt.getOrDefault("hidden", "" + base.hidden())),
                    Integer.parseInt(opt.getOrDefault("epochs", "" + base.epochs())),
                    Integer.parseInt(opt.getOrDefault("batch", "" + base.batchSize())),
                    Double.parseDouble(opt.getOrDefault("lr", "" + base.learningRate())),
                    Double.parseDouble(opt.getOrDefault("dropout", "" + base.dropout())),
                    seed, base.k(), base.calibrationEpochs(), base.scalarisation(),
                    Double.parseDouble(opt.getOrDefault("wd", "" + base.weightDecay())),
                    LearningRateSchedule.of(opt.getOrDefault("schedule", base.schedule().id())));
            InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.movieLens100kSize(seed));
            HoldoutSplit split = HoldoutSplit.standard(data, seed);
            TrainingResult dae = TrainingRun.execute(data, split, Mandate.relevanceOnly(), config, ProgressListener.NONE);
            InteractionData training = split.trainingData(data);
            Evaluator evaluator = new Evaluator(training.features(), config.k());
            long t = System.nanoTime();
            double ease = evaluator.evaluate(new Ease(training, lambda), split, Mandate.relevanceOnly().exposureTargets())
                    .value(Relevance.ID);
            double easeSeconds = (System.nanoTime() - t) / 1e9;
            double popular = evaluator.evaluate(new MostPopular(training), split, Mandate.relevanceOnly().exposureTargets())
                    .value(Relevance.ID);
            double ndcg = dae.evaluation().value(Relevance.ID);
            double ratio = ndcg / ease;
            worst = Math.min(worst, ratio);
            System.out.printf(Locale.ROOT, "seed %d: %s; %d held-out users; NDCG@10 mult-dae %.4f (%.1f s), EASE(λ=%s) %.4f "
                            + "(%.1f s), most-popular %.4f; mult-dae / EASE = %.3f (%+.1f %%)%n", seed, data,
                    dae.evaluation().users(), ndcg, dae.seconds(), lambda, ease, easeSeconds, popular, ratio, 100 * (ratio - 1));
            System.out.printf(Locale.ROOT, "  config %s%n", config.toJson());
        }
        System.out.printf(Locale.ROOT, "RESULT worst mult-dae / EASE = %.3f (target >= 0.95: %s)%n", worst, worst >= 0.95 ? "met" : "MISSED");
    }
}

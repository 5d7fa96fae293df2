package org.mandate.training.train;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.Ease;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.MostPopular;
import org.mandate.training.run.TrainingRun;
import org.mandate.training.split.HoldoutSplit;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance-only Mult-DAE under {@link TrainerConfig#movieLens100k} against EASE on the same split, at a reduced
 * MovieLens-100K shape (300 items × 500 users, 30 % held out so 150 users are evaluated): the target, NDCG@10
 * within 5 % of EASE's, i.e. at least {@value #MARGIN} × EASE's. The full-size figures are in docs/benchmarks.md
 * (bench/RelevanceVsEase: 0.969, 0.963, 0.970 of EASE on seeds 1–3). At this size {@code movieLens100k} (cosine decay
 * over 60 epochs) measured 0.980, 0.974 and 0.961 of EASE on seeds 1, 2 and 3; the former constant-rate 25-epoch
 * setting 0.935, 0.949 and 0.878, and the demo defaults ({@link TrainerConfig#defaults}: 2 mini-batches an epoch here)
 * 0.781 and 0.733 — each of those would fail. Training is bit-for-bit repeatable on one machine with the same thread
 * settings (CrossProcessDeterminismTest), so the figure does not drift between runs; the held-out NDCG of 150 users
 * has a standard error of about 0.02 across seeds.
 */
class RelevanceVersusEaseTest {

    static final double MARGIN = 0.95;

    @Test
    void theMandatedRelevanceOnlyModelIsWithinTheMarginOfEase() {
        long seed = 1;
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.movieLens100kSize(seed).withSize(300, 500));
        HoldoutSplit split = HoldoutSplit.of(data, 0.3, 50, 0.8, seed);
        TrainerConfig config = TrainerConfig.movieLens100k(seed);
        double model = TrainingRun.execute(data, split, Mandate.relevanceOnly(), config, ProgressListener.NONE)
                .evaluation().value(Relevance.ID);
        InteractionData training = split.trainingData(data);
        Evaluator evaluator = new Evaluator(training.features(), config.k());
        double ease = evaluator.evaluate(new Ease(training, 200), split, Mandate.relevanceOnly().exposureTargets()).value(Relevance.ID);
        double popular = evaluator.evaluate(new MostPopular(training), split, Mandate.relevanceOnly().exposureTargets()).value(Relevance.ID);
        String figures = String.format(Locale.ROOT, "NDCG@10 mult-dae %.4f, EASE %.4f (ratio %.3f), most-popular %.4f",
                model, ease, model / ease, popular);
        System.out.println("[relevance vs EASE] " + figures);
        assertTrue(ease > popular, "EASE must beat the chart on this data, or the comparison says nothing: " + figures);
        assertTrue(model >= MARGIN * ease, "the relevance-only model is not within " + MARGIN + " of EASE: " + figures);
    }
}

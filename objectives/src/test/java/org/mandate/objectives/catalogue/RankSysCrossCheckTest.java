package org.mandate.objectives.catalogue;

import es.uam.eps.ir.ranksys.core.Recommendation;
import es.uam.eps.ir.ranksys.core.feature.SimpleFeatureData;
import es.uam.eps.ir.ranksys.core.preference.SimplePreferenceData;
import es.uam.eps.ir.ranksys.diversity.distance.metrics.EILD;
import es.uam.eps.ir.ranksys.diversity.sales.metrics.AggregateDiversityMetric;
import es.uam.eps.ir.ranksys.diversity.sales.metrics.GiniIndex;
import es.uam.eps.ir.ranksys.metrics.AbstractSystemMetric;
import es.uam.eps.ir.ranksys.metrics.RecommendationMetric;
import es.uam.eps.ir.ranksys.metrics.basic.AverageRecommendationMetric;
import es.uam.eps.ir.ranksys.metrics.basic.NDCG;
import es.uam.eps.ir.ranksys.metrics.basic.Recall;
import es.uam.eps.ir.ranksys.metrics.rank.NoDiscountModel;
import es.uam.eps.ir.ranksys.metrics.rel.BinaryRelevanceModel;
import es.uam.eps.ir.ranksys.metrics.rel.NoRelevanceModel;
import es.uam.eps.ir.ranksys.novdiv.distance.CosineFeatureItemDistanceModel;
import es.uam.eps.ir.ranksys.novelty.longtail.FDItemNovelty;
import es.uam.eps.ir.ranksys.novelty.longtail.PCItemNovelty;
import es.uam.eps.ir.ranksys.novelty.longtail.metrics.EFD;
import es.uam.eps.ir.ranksys.novelty.longtail.metrics.EPC;
import org.jooq.lambda.tuple.Tuple3;
import org.junit.jupiter.api.Test;
import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.objectives.metrics.UserLists;
import org.mandate.objectives.testing.RandomCases;
import org.ranksys.core.util.tuples.Tuple2od;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our list metrics against RankSys 0.4.3 (Vargas and Castells; the reference implementation of the novelty and
 * diversity metrics of Vargas' thesis) on the same random lists, where RankSys has the same quantity:
 * <ul>
 * <li>relevance NDCG@k = RankSys {@link NDCG} with binary gains (threshold 1: gain 2^1 − 1 = 1) and its log2 discount,
 * averaged over the users with held-out items (RankSys is handed only those). Identical;</li>
 * <li>recall@k (our detail) divides the hits by min(k, |held-out|), RankSys {@link Recall} by |held-out|: identical when
 * no user holds out more than k items, otherwise ours × min(k, n) = RankSys × n per user;</li>
 * <li>novelty (mean self-information −log2 pop_i) = RankSys {@link EFD} (expected free discovery, free of relevance and
 * rank discount) when pop_i is the item's share of the training interactions, as RankSys's {@link FDItemNovelty}
 * computes it; the difference is only for items never seen in training: RankSys gives them the novelty of the
 * rarest seen item, we need a positive popularity for every item (the trainer smooths counts: (c+1)/(N+I)).
 * Our {@code mean_popularity} detail relates to RankSys {@link EPC}: EPC = 1 − (N/U)·mean_popularity, N
 * interactions over U users, because EPC's item novelty is 1 − (users of i)/U;</li>
 * <li>diversity (mean pairwise 1 − cos of category vectors) = RankSys {@link EILD} with the cosine feature distance and
 * neither relevance nor discount, for lists of at least two items. A one-item list has no pair: RankSys scores
 * it 0 and averages it in, we leave the user out, so ours × users with ≥ 2 items = RankSys × all users;</li>
 * <li>coverage (share of the catalogue in some list) × I = RankSys {@link AggregateDiversityMetric} (the number of
 * distinct items) when every list has k items; RankSys counts an item 1/n per list of n items and multiplies by
 * k, so for lists of n < k items (a catalogue smaller than k) it reports distinct·k/n;</li>
 * <li>our {@code gini_exposure} detail is the Gini of position-weighted exposure; RankSys {@link GiniIndex} is
 * 1 − Gini·I/(I − 1) of unweighted counts. With k = 1 the two weightings agree, and that relation holds.</li>
 * </ul>
 */
class RankSysCrossCheckTest {

    private static final double EXACT = 1e-12;

    /** A random case: a catalogue with categories, training interactions touching every item, lists and held-out items. */
    private record World(int items, int users, int k, int[][] training, double[] popularity, double[][] categories,
                         int[][] lists, int[][] heldOut) {

        static World draw(RandomCases.Case c, boolean fullLists, int maxK) {
            int items = c.intIn("items", 5, 40);
            int users = c.intIn("users", 1, 25);
            int k = c.intIn("k", 1, maxK);
            int categoryCount = c.intIn("categories", 1, 5);
            Random rnd = c.random();
            // Every item is consumed at least once in training, so RankSys and we see the same popularity for all.
            List<List<Integer>> train = new ArrayList<>();
            for (int u = 0; u < users; u++) train.add(new ArrayList<>());
            for (int i = 0; i < items; i++) train.get(rnd.nextInt(users)).add(i);
            for (int u = 0; u < users; u++) for (int i = 0; i < items; i++) if (rnd.nextDouble() < 0.15 && !train.get(u).contains(i)) train.get(u).add(i);
            int[][] training = new int[users][];
            int[] counts = new int[items];
            int total = 0;
            for (int u = 0; u < users; u++) {
                training[u] = train.get(u).stream().mapToInt(Integer::intValue).sorted().toArray();
                for (int i : training[u]) counts[i]++;
                total += training[u].length;
            }
            double[] pop = new double[items];
            for (int i = 0; i < items; i++) pop[i] = counts[i] / (double) total;
            double[][] cat = new double[items][categoryCount];
            for (int i = 0; i < items; i++) {
                int a = rnd.nextInt(categoryCount), b = rnd.nextInt(categoryCount);
                cat[i][a] += 0.5;
                cat[i][b] += 0.5;
            }
            int[][] lists = new int[users][];
            int[][] held = new int[users][];
            int longest = Math.min(k, items);
            for (int u = 0; u < users; u++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < items; i++) order.add(i);
                Collections.shuffle(order, rnd);
                int n = fullLists ? longest : 1 + rnd.nextInt(longest);
                lists[u] = order.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
                Collections.shuffle(order, rnd);
                held[u] = order.subList(0, rnd.nextInt(Math.min(items, 2 * k + 2))).stream().mapToInt(Integer::intValue).sorted().toArray();
            }
            c.input("lists", lists);
            c.input("heldOut", held);
            return new World(items, users, k, training, pop, cat, lists, held);
        }

        EvaluationData data() {
            List<UserLists> u = new ArrayList<>();
            for (int j = 0; j < users; j++) u.add(new UserLists(lists[j], heldOut[j], training[j]));
            int[] group = new int[items];
            List<String> names = new ArrayList<>();
            for (int f = 0; f < categories[0].length; f++) names.add("c" + f);
            ItemFeatures features = new ItemFeatures(popularity, group, List.of("all"), names, categories, new TreeMap<>(Map.of()));
            return new EvaluationData(u, features, k, null);
        }

        SimplePreferenceData<Integer, Integer> trainingData() {
            List<Tuple3<Integer, Integer, Double>> t = new ArrayList<>();
            for (int u = 0; u < users; u++) for (int i : training[u]) t.add(new Tuple3<>(u, i, 1.0));
            return SimplePreferenceData.load(t.stream());
        }

        SimplePreferenceData<Integer, Integer> testData() {
            List<Tuple3<Integer, Integer, Double>> t = new ArrayList<>();
            for (int u = 0; u < users; u++) for (int i : heldOut[u]) t.add(new Tuple3<>(u, i, 1.0));
            return SimplePreferenceData.load(t.stream());
        }

        SimpleFeatureData<Integer, Integer, Double> featureData() {
            List<Tuple3<Integer, Integer, Double>> t = new ArrayList<>();
            for (int i = 0; i < items; i++) for (int f = 0; f < categories[i].length; f++) if (categories[i][f] > 0) t.add(new Tuple3<>(i, f, categories[i][f]));
            return SimpleFeatureData.load(t.stream());
        }

        Recommendation<Integer, Integer> recommendation(int u) {
            List<Tuple2od<Integer>> items = new ArrayList<>();
            for (int r = 0; r < lists[u].length; r++) items.add(new Tuple2od<>(lists[u][r], lists[u].length - r));
            return new Recommendation<>(u, items);
        }

        /** RankSys's own average of a per-list metric over the users {@code include} selects. */
        double average(RecommendationMetric<Integer, Integer> metric, java.util.function.IntPredicate include) {
            AverageRecommendationMetric<Integer, Integer> avg = new AverageRecommendationMetric<>(metric, false);
            for (int u = 0; u < users; u++) if (include.test(u)) avg.add(recommendation(u));
            return avg.evaluate();
        }

        double system(AbstractSystemMetric<Integer, Integer> metric) {
            for (int u = 0; u < users; u++) metric.add(recommendation(u));
            return metric.evaluate();
        }

        /** Our metric for user u alone. */
        double alone(Objective o, int u, String detail) {
            EvaluationData one = new EvaluationData(List.of(new UserLists(lists[u], heldOut[u], training[u])), data().items(), k, null);
            return detail == null ? o.evaluate(one).value() : o.evaluate(one).details().get(detail);
        }
    }

    @Test
    void ndcgEqualsRankSysNdcgWithBinaryGains() {
        RandomCases.forAll("ndcg = RankSys NDCG", 200, c -> {
            World w = World.draw(c, false, 10);
            if (java.util.Arrays.stream(w.heldOut()).allMatch(h -> h.length == 0)) return;
            double ours = new Relevance().evaluate(w.data()).value();
            double theirs = w.average(new NDCG<>(w.k(), new NDCG.NDCGRelevanceModel<>(false, w.testData(), 1.0)), u -> w.heldOut()[u].length > 0);
            assertEquals(theirs, ours, EXACT);
        });
    }

    @Test
    void recallDiffersOnlyByTheCutoffInItsDenominator() {
        RandomCases.forAll("recall ~ RankSys Recall", 200, c -> {
            World w = World.draw(c, false, 10);
            Recall<Integer, Integer> recall = new Recall<>(w.k(), new BinaryRelevanceModel<>(false, w.testData(), 1.0));
            for (int u = 0; u < w.users(); u++) {
                int n = w.heldOut()[u].length;
                if (n == 0) continue;
                double ours = w.alone(new Relevance(), u, "recall@" + w.k());
                assertEquals(recall.evaluate(w.recommendation(u)) * n, ours * Math.min(w.k(), n), EXACT, "user " + u);
            }
        });
    }

    @Test
    void noveltyEqualsRankSysExpectedFreeDiscovery() {
        RandomCases.forAll("novelty = RankSys EFD", 200, c -> {
            World w = World.draw(c, false, 10);
            EFD<Integer, Integer> efd = new EFD<>(w.k(), new FDItemNovelty<>(w.trainingData()), new NoRelevanceModel<>(), new NoDiscountModel());
            assertEquals(w.average(efd, u -> true), new Novelty().evaluate(w.data()).value(), EXACT);
        });
    }

    @Test
    void meanPopularityIsTheComplementOfRankSysExpectedPopularityComplement() {
        RandomCases.forAll("mean_popularity ~ RankSys EPC", 200, c -> {
            World w = World.draw(c, false, 10);
            int interactions = java.util.Arrays.stream(w.training()).mapToInt(t -> t.length).sum();
            int usersWithHistory = (int) java.util.Arrays.stream(w.training()).filter(t -> t.length > 0).count();
            EPC<Integer, Integer> epc = new EPC<>(w.k(), new PCItemNovelty<>(w.trainingData()), new NoRelevanceModel<>(), new NoDiscountModel());
            double meanPopularity = new Novelty().evaluate(w.data()).details().get("mean_popularity");
            assertEquals(w.average(epc, u -> true), 1 - meanPopularity * interactions / usersWithHistory, EXACT);
        });
    }

    @Test
    void diversityEqualsRankSysEildWithCosineDistanceOnListsWithPairs() {
        RandomCases.forAll("diversity = RankSys EILD", 200, c -> {
            World w = World.draw(c, false, 10);
            EILD<Integer, Integer> eild = new EILD<>(w.k(), new CosineFeatureItemDistanceModel<>(w.featureData()), new NoRelevanceModel<>(), new NoDiscountModel());
            double theirsAll = w.average(eild, u -> true);
            long withPairs = java.util.Arrays.stream(w.lists()).filter(l -> l.length >= 2).count();
            double ours = new Diversity().evaluate(w.data()).value();
            // Ours leaves one-item lists out, RankSys counts them as 0.
            assertEquals(theirsAll * w.users(), ours * withPairs, 1e-10);
            if (withPairs > 0) assertEquals(w.average(eild, u -> w.lists()[u].length >= 2), ours, EXACT);
        });
    }

    @Test
    void coverageTimesCatalogueSizeIsRankSysAggregateDiversity() {
        RandomCases.forAll("coverage = RankSys aggregate diversity / I", 200, c -> {
            World w = World.draw(c, true, 10);
            double aggregate = w.system(new AggregateDiversityMetric<>(w.k(), new NoRelevanceModel<>()));
            // Every list has n = min(k, I) items; RankSys counts an item 1/n per list and multiplies by k.
            int n = w.lists()[0].length;
            assertEquals(aggregate * n / w.k(), new Coverage().evaluate(w.data()).value() * w.items(), 1e-9);
        });
    }

    @Test
    void giniOfExposureMatchesRankSysGiniIndexWhenPositionsDoNotWeigh() {
        RandomCases.forAll("gini_exposure ~ RankSys GiniIndex at k = 1", 200, c -> {
            World w = World.draw(c, true, 1);
            double ours = new Coverage().evaluate(w.data()).details().get("gini_exposure");
            double theirs = w.system(new GiniIndex<>(w.k(), w.items()));
            assertEquals(1 - theirs, ours * w.items() / (w.items() - 1), 1e-12);
        });
    }
}

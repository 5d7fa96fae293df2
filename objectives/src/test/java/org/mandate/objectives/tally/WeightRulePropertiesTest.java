package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.testing.RandomCases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Axioms of the weight rules over random profiles (Freeman et al. 2021 §2 for the definitions).
 * Profiles are drawn from seeded {@link RandomCases}, so a failure reports a reproducible seed and the profile.
 */
class WeightRulePropertiesTest {

    static final List<WeightRule> RULES = List.of(new MeanRule(), new IndependentMarketsRule(), new UtilitarianPhantomsRule(),
            new CoordinateMedianRule(), new QrMedianRule());
    static final List<WeightRule> PHANTOM_RULES = List.of(new IndependentMarketsRule(), new UtilitarianPhantomsRule());

    @Test
    void outputIsOnTheSimplex() {
        RandomCases.forAll("outputIsOnTheSimplex", 150, c -> {
            int n = c.intIn("n", 1, 25), m = c.intIn("m", 1, 7);
            double[][] profile = c.input("profile", Profiles4Test.random(c.random(), n, m));
            for (WeightRule rule : RULES) {
                double[] out = rule.aggregate(profile);
                assertEquals(m, out.length);
                double sum = 0;
                for (double x : out) { assertTrue(x >= 0 && Double.isFinite(x), rule.id() + " gave " + x); sum += x; }
                assertEquals(1, sum, 1e-12, rule.id());
            }
        });
    }

    @Test
    void anonymity() {
        RandomCases.forAll("anonymity", 100, c -> {
            int n = c.intIn("n", 1, 20), m = c.intIn("m", 2, 6);
            Random random = c.random();
            double[][] profile = c.input("profile", Profiles4Test.random(random, n, m));
            List<double[]> shuffled = new ArrayList<>(Arrays.asList(profile));
            Collections.shuffle(shuffled, random);
            c.input("shuffled", shuffled);
            for (WeightRule rule : RULES) {
                assertArrayEquals(rule.aggregate(profile), rule.aggregate(shuffled.toArray(double[][]::new)), 1e-12, rule.id());
            }
        });
    }

    @Test
    void neutralityPermutingObjectivesPermutesTheOutput() {
        RandomCases.forAll("neutralityPermutingObjectivesPermutesTheOutput", 100, c -> {
            int n = c.intIn("n", 1, 20), m = c.intIn("m", 2, 6);
            Random random = c.random();
            double[][] profile = c.input("profile", Profiles4Test.random(random, n, m));
            List<Integer> perm = new ArrayList<>();
            for (int j = 0; j < m; j++) perm.add(j);
            Collections.shuffle(perm, random);
            c.input("perm", perm);
            double[][] permuted = new double[n][m];
            for (int v = 0; v < n; v++) for (int j = 0; j < m; j++) permuted[v][j] = profile[v][perm.get(j)];
            for (WeightRule rule : RULES) {
                double[] out = rule.aggregate(profile), outPermuted = rule.aggregate(permuted);
                for (int j = 0; j < m; j++) assertEquals(out[perm.get(j)], outPermuted[j], 1e-9, rule.id());
            }
        });
    }

    /** QrMed is excluded by design: with few voters it is pulled towards equal weights (see its doc and MedianRulesTest). */
    @Test
    void unanimity() {
        RandomCases.forAll("unanimity", 100, c -> {
            int n = c.intIn("n", 1, 20), m = c.intIn("m", 1, 6);
            double[] ballot = c.input("ballot", Profiles4Test.ballot(c.random(), m));
            double[][] profile = new double[n][];
            Arrays.fill(profile, ballot);
            for (WeightRule rule : RULES) {
                if (rule instanceof QrMedianRule) continue;
                assertArrayEquals(ballot, rule.aggregate(profile), 1e-9, rule.id());
            }
        });
    }

    /** Moving mass towards objective j in one ballot never lowers j's share of the outcome. */
    @Test
    void monotonicity() {
        RandomCases.forAll("monotonicity", 150, c -> {
            int n = c.intIn("n", 1, 15), m = c.intIn("m", 2, 5);
            Random random = c.random();
            double[][] profile = c.input("profile", Profiles4Test.random(random, n, m));
            int v = c.input("voter", random.nextInt(n)), j = c.input("objective", random.nextInt(m));
            double moved = c.input("moved", random.nextDouble());
            double[][] more = profile.clone();
            more[v] = profile[v].clone();
            double taken = 0;
            for (int k = 0; k < m; k++) if (k != j) { double d = more[v][k] * moved; more[v][k] -= d; taken += d; }
            more[v][j] += taken;
            c.input("moved ballot", more[v]);
            for (WeightRule rule : RULES) {
                assertTrue(rule.aggregate(more)[j] >= rule.aggregate(profile)[j] - 1e-9, rule.id());
            }
        });
    }

    /**
     * Strategyproofness of the moving-phantom rules (Freeman et al. 2021, Theorem 3.4): no voter gets
     * closer in ℓ1 to their true ideal by reporting anything else — random lies, exaggerations onto one
     * objective, and small perturbations of the truth.
     */
    @Test
    void movingPhantomsAreStrategyproof() {
        RandomCases.forAll("movingPhantomsAreStrategyproof", 400, c -> {
            int n = c.intIn("n", 1, 7), m = c.intIn("m", 2, 4);
            Random random = c.random();
            double[][] profile = c.input("profile", Profiles4Test.random(random, n, m));
            int liar = c.input("liar", random.nextInt(n));
            double[] truth = profile[liar];
            List<double[]> lies = c.input("lies", new ArrayList<>());
            for (int k = 0; k < 4; k++) lies.add(Profiles4Test.ballot(random, m));
            double[] exaggerate = new double[m];
            exaggerate[random.nextInt(m)] = 1;
            lies.add(exaggerate);
            double[] nudge = truth.clone();
            int from = random.nextInt(m), to = random.nextInt(m);
            double eps = Math.min(nudge[from], 0.05 * random.nextDouble());
            nudge[from] -= eps;
            nudge[to] += eps;
            lies.add(nudge);
            for (WeightRule rule : PHANTOM_RULES) {
                double honest = Profiles4Test.l1(rule.aggregate(profile), truth);
                for (double[] lie : lies) {
                    double[][] lying = profile.clone();
                    lying[liar] = lie;
                    double dishonest = Profiles4Test.l1(rule.aggregate(lying), truth);
                    assertTrue(dishonest >= honest - 1e-9,
                            rule.id() + ": lying " + Arrays.toString(lie) + " gained " + (honest - dishonest));
                }
            }
        });
    }

    /** Proportionality (Freeman et al. 2021, Definition 4.1): single-minded voters get their supporters' share. */
    @Test
    void independentMarketsIsProportional() {
        RandomCases.forAll("independentMarketsIsProportional", 100, c -> {
            int n = c.intIn("n", 1, 30), m = c.intIn("m", 2, 6);
            Random random = c.random();
            double[][] profile = c.input("profile", new double[n][m]);
            double[] shares = new double[m];
            for (double[] row : profile) {
                int j = random.nextInt(m);
                row[j] = 1;
                shares[j] += 1.0 / n;
            }
            assertArrayEquals(shares, new IndependentMarketsRule().aggregate(profile), 1e-9);
        });
    }

    @Test
    void sameBallotsInAnyOrderGiveTheByteIdenticalRecord() {
        RandomCases.forAll("sameBallotsInAnyOrderGiveTheByteIdenticalRecord", 40, c -> {
            int n = c.intIn("n", 1, 30);
            Random random = c.random();
            ObjectiveMenu menu = ObjectiveMenu.of("relevance", "novelty", "provider_fairness");
            List<WeightBallot> ballots = c.input("ballots", new ArrayList<>());
            for (int v = 0; v < n; v++) {
                double[] w = Profiles4Test.ballot(random, 3);
                TreeMap<String, Double> weights = new TreeMap<>();
                for (int j = 0; j < 3; j++) weights.put(menu.objectives().get(j), w[j]);
                ballots.add(new WeightBallot("voter-" + v, weights));
            }
            List<WeightBallot> shuffled = c.input("shuffled", new ArrayList<>(ballots));
            Collections.shuffle(shuffled, random);
            for (WeightRule rule : RULES) {
                assertEquals(Tally.run(ballots, menu, rule).canonicalJson(), Tally.run(shuffled, menu, rule).canonicalJson(), rule.id());
            }
        });
    }
}

package org.mandate.bench;

import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.UtilitarianPhantomsRule;
import org.mandate.objectives.tally.WeightRule;
import org.openjdk.jmh.annotations.*;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Target: 1,000,000 weight ballots × 9 objectives through moving phantoms in ≤ 2 s on 2 cores. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class MovingPhantomsBenchmark {

    @Param({"1000000"})
    int ballots;

    @Param({"9"})
    int objectives;

    @Param({"independent_markets", "utilitarian_phantoms"})
    String rule;

    double[][] profile;
    WeightRule weightRule;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        profile = new double[ballots][objectives];
        for (double[] row : profile) {
            double sum = 0;
            for (int j = 0; j < objectives; j++) { row[j] = random.nextDouble() < 0.3 ? 0 : random.nextDouble(); sum += row[j]; }
            if (sum == 0) { row[0] = 1; sum = 1; }
            for (int j = 0; j < objectives; j++) row[j] /= sum;
        }
        weightRule = rule.equals(IndependentMarketsRule.ID) ? new IndependentMarketsRule() : new UtilitarianPhantomsRule();
    }

    @Benchmark
    public double[] aggregate() {
        return weightRule.aggregate(profile);
    }
}

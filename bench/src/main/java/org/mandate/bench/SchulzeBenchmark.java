package org.mandate.bench;

import org.mandate.objectives.ballot.RankingBallot;
import org.mandate.objectives.tally.SchulzeResult;
import org.mandate.objectives.tally.SchulzeRule;
import org.openjdk.jmh.annotations.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Target: Schulze over 100,000 rankings of 10 proposals in ≤ 1 s (pairwise matrix first). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SchulzeBenchmark {

    @Param({"100000"})
    int ballots;

    @Param({"10"})
    int proposals;

    List<String> candidates;
    List<RankingBallot> rankings;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        candidates = new ArrayList<>();
        for (int c = 0; c < proposals; c++) candidates.add("proposal-" + c);
        rankings = new ArrayList<>(ballots);
        for (int v = 0; v < ballots; v++) {
            List<String> order = new ArrayList<>(candidates);
            Collections.shuffle(order, random);
            rankings.add(RankingBallot.of("voter-" + v, order.toArray(String[]::new)));
        }
    }

    @Benchmark
    public SchulzeResult tally() {
        return new SchulzeRule("proposal-0").tally(candidates, rankings);
    }
}

package org.mandate.bench;

import org.mandate.objectives.delegation.Delegation;
import org.mandate.objectives.delegation.DelegationGraph;
import org.mandate.objectives.delegation.DelegationOutcome;
import org.mandate.objectives.delegation.LiquidDelegation;
import org.openjdk.jmh.annotations.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Target: a delegation graph of 1,000,000 members resolved in ≤ 2 s. {@code graph} measures the
 * iterative core on integer ids; {@code liquid} the full API with string ids and sorted report maps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class DelegationBenchmark {

    @Param({"1000000"})
    int members;

    int[] next;
    boolean[] direct;
    List<String> ids;
    Set<String> voters;
    List<Delegation> delegations;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        next = new int[members];
        direct = new boolean[members];
        ids = new ArrayList<>(members);
        voters = new HashSet<>();
        delegations = new ArrayList<>();
        for (int i = 0; i < members; i++) ids.add("member-" + i);
        for (int i = 0; i < members; i++) {
            double u = random.nextDouble();
            if (u < 0.3) { direct[i] = true; next[i] = DelegationGraph.NONE; voters.add(ids.get(i)); }
            else if (u < 0.9) { next[i] = random.nextInt(members); delegations.add(Delegation.of(ids.get(i), ids.get(next[i]))); }
            else next[i] = DelegationGraph.NONE;
        }
    }

    @Benchmark
    public DelegationGraph.Resolved graph() {
        return DelegationGraph.resolve(next, direct, 10);
    }

    @Benchmark
    public DelegationOutcome liquid() {
        return new LiquidDelegation(10).resolve(ids, voters, delegations, "weights");
    }
}

package org.mandate.objectives.delegation;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.testing.RandomCases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;
import static org.mandate.objectives.delegation.Resolution.*;

class LiquidDelegationTest {

    static final LiquidDelegation UNLIMITED = new LiquidDelegation(LiquidDelegation.UNLIMITED);

    @Test
    void transitiveChainsCycleAndDanglingAreResolvedAndReported() {
        List<String> members = List.of("a", "b", "c", "d", "x", "y", "z", "p", "q", "r");
        List<Delegation> delegations = List.of(
                Delegation.of("a", "b"), Delegation.of("b", "c"),          // a → b → c (votes)
                Delegation.of("x", "y"), Delegation.of("y", "x"),          // cycle x ⇄ y
                Delegation.of("z", "x"),                                   // leads into the cycle
                Delegation.of("p", "q"),                                   // q does nothing: dangling
                Delegation.of("r", "former-member"));                     // outside the panel: dangling
        DelegationOutcome o = UNLIMITED.resolve(members, Set.of("c", "d"), delegations, "weights");
        assertEquals(Map.of("c", 3L, "d", 1L), o.votes());
        assertEquals(DELEGATED, o.resolutions().get("a"));
        assertEquals(DIRECT, o.resolutions().get("c"));
        assertEquals(List.of(List.of("x", "y")), o.cycles());
        assertEquals(List.of("x", "y", "z"), o.lostToCycles());
        assertEquals(List.of("p", "r"), o.dangling());
        assertEquals(ABSTAINED, o.resolutions().get("q"));
        assertEquals(4, o.totalVotes());
        assertTrue(o.canonicalJson().contains("\"cycles\":[[\"x\",\"y\"]]"));
    }

    @Test
    void directVoteOverridesDelegationAndTopicOverridesTheGeneralOne() {
        List<String> members = List.of("a", "b", "c");
        List<Delegation> delegations = List.of(Delegation.of("a", "b"), new Delegation("a", "c", "rules"), Delegation.of("b", "c"));
        // b votes directly on weights: a's delegation stops at b, b's own delegation is overridden.
        DelegationOutcome weights = UNLIMITED.resolve(members, Set.of("b", "c"), delegations, "weights");
        assertEquals(Map.of("b", 2L, "c", 1L), weights.votes());
        // On rules a's topic delegation goes straight to c.
        DelegationOutcome rules = UNLIMITED.resolve(members, Set.of("b", "c"), delegations, "rules");
        assertEquals(Map.of("b", 1L, "c", 2L), rules.votes());
        // a votes directly: nothing is delegated from a.
        assertEquals(Map.of("a", 1L, "c", 2L), UNLIMITED.resolve(members, Set.of("a", "c"), delegations, "weights").votes());
        // Revoking is withdrawing: without the delegations everyone counts for themselves only.
        assertEquals(Map.of("b", 1L, "c", 1L), UNLIMITED.resolve(members, Set.of("b", "c"), List.of(), "weights").votes());
    }

    @Test
    void maximumChainLength() {
        List<String> members = List.of("m1", "m2", "m3", "m4");
        List<Delegation> chain = List.of(Delegation.of("m1", "m2"), Delegation.of("m2", "m3"), Delegation.of("m3", "m4"));
        DelegationOutcome two = new LiquidDelegation(2).resolve(members, Set.of("m4"), chain, null);
        assertEquals(Map.of("m4", 3L), two.votes());
        assertEquals(List.of("m1"), two.tooLong());
        DelegationOutcome one = new LiquidDelegation(1).resolve(members, Set.of("m4"), chain, null);
        assertEquals(Map.of("m4", 2L), one.votes());
        assertEquals(List.of("m1", "m2"), one.tooLong());
        assertThrows(IllegalArgumentException.class, () -> new LiquidDelegation(0));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> UNLIMITED.resolve(List.of("a"), Set.of("b"), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> UNLIMITED.resolve(List.of("a", "b"), Set.of(), List.of(Delegation.of("z", "a")), null));
        assertThrows(IllegalArgumentException.class,
                () -> UNLIMITED.resolve(List.of("a", "b", "c"), Set.of(), List.of(Delegation.of("a", "b"), Delegation.of("a", "c")), null));
        // Self-delegation is a cycle of one, reported as such.
        DelegationOutcome self = UNLIMITED.resolve(List.of("a"), Set.of(), List.of(Delegation.of("a", "a")), null);
        assertEquals(List.of(List.of("a")), self.cycles());
    }

    @Test
    void longChainsResolveWithoutRecursion() {
        int n = 300_000;
        int[] next = new int[n];
        boolean[] direct = new boolean[n];
        for (int i = 0; i < n - 1; i++) next[i] = i + 1;
        next[n - 1] = DelegationGraph.NONE;
        direct[n - 1] = true;
        DelegationGraph.Resolved r = DelegationGraph.resolve(next, direct, Integer.MAX_VALUE);
        assertEquals(n, r.weight()[n - 1]);
        assertEquals(n - 1, r.hops()[0]);
    }

    @Test
    void outcomeDoesNotDependOnInputOrder() {
        List<String> members = new ArrayList<>();
        List<Delegation> delegations = new ArrayList<>();
        Random random = new Random(4);
        for (int i = 0; i < 200; i++) members.add("m" + i);
        for (int i = 0; i < 150; i++) delegations.add(Delegation.of("m" + i, "m" + random.nextInt(200)));
        Set<String> direct = Set.of("m150", "m151", "m152", "m7");
        String first = UNLIMITED.resolve(members, direct, delegations, null).canonicalJson();
        Collections.shuffle(members, random);
        Collections.shuffle(delegations, random);
        assertEquals(first, UNLIMITED.resolve(members, direct, delegations, null).canonicalJson());
    }

    /**
     * Conservation: votes cast = members who voted or delegated − reported losses; and every member's
     * outcome agrees with naively following the chain for at most n steps.
     */
    @Test
    void delegationConservesWeightExceptForReportedLosses() {
        RandomCases.forAll("delegationConservesWeightExceptForReportedLosses", 200, c -> {
            int n = c.intIn("n", 1, 60), maxChain = c.intIn("maxChain", 1, 8);
            Random random = c.random();
            int[] next = c.input("next", new int[n]);
            boolean[] direct = c.input("direct", new boolean[n]);
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                next[i] = u < 0.15 ? DelegationGraph.NONE : u < 0.2 ? DelegationGraph.OUTSIDE : random.nextInt(n);
                direct[i] = random.nextDouble() < 0.25;
            }
            DelegationGraph.Resolved r = DelegationGraph.resolve(next, direct, maxChain);
            long cast = 0, lost = 0, abstained = 0;
            for (int i = 0; i < n; i++) {
                cast += r.weight()[i];
                switch (r.status()[i]) {
                    case CYCLE, DANGLING, TOO_LONG -> lost++;
                    case ABSTAINED -> abstained++;
                    default -> { }
                }
                // Oracle: follow the chain for at most n steps.
                int cur = i, hops = 0;
                while (!direct[cur] && next[cur] >= 0 && hops <= n) { cur = next[cur]; hops++; }
                Resolution expected;
                if (direct[cur]) expected = hops == 0 ? DIRECT : hops <= maxChain ? DELEGATED : TOO_LONG;
                else if (hops > n) expected = CYCLE;
                else if (hops == 0 && next[i] == DelegationGraph.NONE) expected = ABSTAINED;
                else expected = DANGLING;
                assertEquals(expected, r.status()[i], "member " + i);
                assertEquals(expected == DIRECT || expected == DELEGATED ? cur : -1, r.finalVoter()[i], "final voter of member " + i);
            }
            assertEquals(n - abstained - lost, cast, "votes cast");
        });
    }

    @Test
    void outcomeFeedsVotingRights() {
        DelegationOutcome o = UNLIMITED.resolve(List.of("a", "b"), Set.of("b"), List.of(Delegation.of("a", "b")), null);
        assertEquals(new TreeMap<>(Map.of("b", 2.0)), o.rights());
    }
}

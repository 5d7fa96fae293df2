package org.mandate.objectives.delegation;

import java.util.Arrays;

/**
 * Liquid-democracy resolution on integer member ids, the core that {@link LiquidDelegation} wraps.
 * Each member has at most one outgoing delegation on a topic, so the graph is functional and every
 * chain either reaches a direct voter, stops at a member who does nothing (dangling), or runs into a
 * cycle. Resolution is iterative (an explicit path stack, no recursion) and memoised, O(members): each
 * member is walked over once.
 */
public final class DelegationGraph {

    /** {@code next[i]} value for a member who does not delegate. */
    public static final int NONE = -1;
    /** {@code next[i]} value for a delegation to someone who is not a member. */
    public static final int OUTSIDE = -2;

    /**
     * @param status  per member
     * @param finalVoter the direct voter who casts member i's vote, or −1 when it is not cast
     * @param hops    delegation hops from member i to its final voter (0 for direct voters); for a
     *                {@link Resolution#TOO_LONG} member, the hops it would have taken
     * @param weight  votes each direct voter casts (their own plus those delegated to them), 0 for others
     * @param onCycle whether member i is itself on a delegation cycle
     */
    public record Resolved(Resolution[] status, int[] finalVoter, int[] hops, long[] weight, boolean[] onCycle) {}

    private DelegationGraph() {}

    /**
     * @param next          delegate of each member on this topic: a member index, {@link #NONE} or {@link #OUTSIDE}
     * @param direct        whether each member voted directly (overrides their delegation)
     * @param maxChainLength the most hops a vote may travel, at least 1
     */
    public static Resolved resolve(int[] next, boolean[] direct, int maxChainLength) {
        int n = next.length;
        if (direct.length != n) throw new IllegalArgumentException("next and direct differ in length");
        if (maxChainLength < 1) throw new IllegalArgumentException("the maximum chain length must be at least 1, got " + maxChainLength);
        Resolution[] status = new Resolution[n];
        int[] finalVoter = new int[n];
        int[] hops = new int[n];
        long[] weight = new long[n];
        boolean[] onCycle = new boolean[n];
        int[] stamp = new int[n];          // walk number + 1 while a member is on the current path
        int[] position = new int[n];       // its index on that path
        int[] path = new int[Math.max(1, n)];
        Arrays.fill(finalVoter, -1);

        for (int start = 0; start < n; start++) {
            if (status[start] != null) continue;
            int length = 0, cur = start;
            Resolution tail;               // the resolution the walk ended on
            int tailFinal = -1, tailHops = 0;
            while (true) {
                if (status[cur] != null) {
                    tail = status[cur];
                    tailFinal = finalVoter[cur];
                    tailHops = hops[cur];
                    break;
                }
                if (direct[cur]) {
                    status[cur] = Resolution.DIRECT;
                    finalVoter[cur] = cur;
                    tail = Resolution.DIRECT;
                    tailFinal = cur;
                    break;
                }
                if (stamp[cur] == start + 1) {
                    // A cycle: the path from cur's position to the end.
                    for (int i = position[cur]; i < length; i++) {
                        status[path[i]] = Resolution.CYCLE;
                        onCycle[path[i]] = true;
                    }
                    length = position[cur];
                    tail = Resolution.CYCLE;
                    break;
                }
                int to = next[cur];
                if (to == NONE) {
                    // A member who does nothing abstains; the chains that end at them dangle.
                    status[cur] = Resolution.ABSTAINED;
                    tail = Resolution.ABSTAINED;
                    break;
                }
                stamp[cur] = start + 1;
                position[cur] = length;
                path[length++] = cur;
                if (to == OUTSIDE) {
                    tail = Resolution.DANGLING;
                    break;
                }
                cur = to;
            }
            // Unwind: each member on the path takes its successor's outcome one hop further.
            for (int i = length - 1; i >= 0; i--) {
                int member = path[i];
                Resolution s;
                switch (tail) {
                    case DIRECT, DELEGATED -> {
                        tailHops++;
                        if (tailHops > maxChainLength) { s = Resolution.TOO_LONG; tailFinal = -1; }
                        else s = Resolution.DELEGATED;
                    }
                    case TOO_LONG -> { tailHops++; s = Resolution.TOO_LONG; }
                    case ABSTAINED, DANGLING -> s = Resolution.DANGLING;
                    case CYCLE -> s = Resolution.CYCLE;
                    default -> throw new IllegalStateException();
                }
                status[member] = s;
                finalVoter[member] = s == Resolution.DELEGATED ? tailFinal : -1;
                hops[member] = tailHops;
                tail = s;
            }
        }
        for (int i = 0; i < n; i++) if (finalVoter[i] >= 0) weight[finalVoter[i]]++;
        return new Resolved(status, finalVoter, hops, weight, onCycle);
    }
}

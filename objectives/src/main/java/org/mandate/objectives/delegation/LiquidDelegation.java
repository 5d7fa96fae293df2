package org.mandate.objectives.delegation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Liquid democracy for a panel: transitive, revocable delegation, optionally per topic. For a topic,
 * each member's effective delegation is their delegation on that topic if any, else their all-topics
 * one; a member who votes directly on the topic overrides both. Chains longer than
 * {@code maxChainLength} hops, chains that end at a member who does nothing or outside the panel, and
 * cycles lose their votes, and every such loss is reported. Members are processed in id order, so the
 * outcome never depends on input order.
 *
 * @param maxChainLength the most hops a vote may travel (1 = only to one's own delegate)
 */
public record LiquidDelegation(int maxChainLength) {

    public static final String ID = "liquid_delegation";
    public static final int VERSION = 1;
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public LiquidDelegation {
        if (maxChainLength < 1) throw new IllegalArgumentException("the maximum chain length must be at least 1, got " + maxChainLength);
    }

    public String id() { return ID; }

    public int version() { return VERSION; }

    public Map<String, Object> settings() {
        return Map.of("max_chain_length", maxChainLength == UNLIMITED ? "unlimited" : maxChainLength,
                "topic_override", "topic_then_all", "direct_vote", "overrides_delegation");
    }

    public DelegationOutcome resolve(Collection<String> members, Set<String> directVoters, Collection<Delegation> delegations, String topic) {
        String t = topic == null || topic.isBlank() ? Delegation.ALL_TOPICS : topic;
        String[] ids = members.toArray(String[]::new);
        Arrays.parallelSort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i].equals(ids[i - 1])) throw new IllegalArgumentException("member " + ids[i] + " is listed twice");
        }
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) index.put(ids[i], i);
        for (String voter : directVoters) {
            if (!index.containsKey(voter)) throw new IllegalArgumentException("direct voter " + voter + " is not a member");
        }

        int[] next = new int[ids.length];
        Arrays.fill(next, DelegationGraph.NONE);
        boolean[] specific = new boolean[ids.length];
        boolean[] general = new boolean[ids.length];
        for (Delegation d : delegations) {
            boolean isSpecific = d.topic().equals(t);
            if (!isSpecific && !d.topic().equals(Delegation.ALL_TOPICS)) continue;
            Integer from = index.get(d.delegator());
            if (from == null) throw new IllegalArgumentException("delegator " + d.delegator() + " is not a member");
            boolean[] seen = isSpecific ? specific : general;
            if (seen[from]) throw new IllegalArgumentException(d.delegator() + " has two delegations on topic " + d.topic());
            seen[from] = true;
            if (isSpecific || !specific[from]) {
                Integer to = index.get(d.delegate());
                next[from] = to == null ? DelegationGraph.OUTSIDE : to;
            }
        }
        boolean[] direct = new boolean[ids.length];
        for (String voter : directVoters) direct[index.get(voter)] = true;

        DelegationGraph.Resolved r = DelegationGraph.resolve(next, direct, maxChainLength);

        List<String> voterIds = new ArrayList<>();
        List<Long> voterVotes = new ArrayList<>();
        List<String> lost = new ArrayList<>(), dangling = new ArrayList<>(), tooLong = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            switch (r.status()[i]) {
                case DIRECT -> { voterIds.add(ids[i]); voterVotes.add(r.weight()[i]); }
                case CYCLE -> lost.add(ids[i]);
                case DANGLING -> dangling.add(ids[i]);
                case TOO_LONG -> tooLong.add(ids[i]);
                default -> { }
            }
        }
        // Ids are sorted, so the maps are built in linear time from sorted views (no per-key comparisons).
        TreeMap<String, Long> votes = new TreeMap<>(new SortedArrayMap<>(voterIds.toArray(String[]::new), voterVotes.toArray(Long[]::new)));
        TreeMap<String, Resolution> resolutions = new TreeMap<>(new SortedArrayMap<>(ids, r.status()));
        return new DelegationOutcome(t, maxChainLength, votes, resolutions, cycles(ids, next, r.onCycle()), lost, dangling, tooLong);
    }

    /** Each cycle once, starting from its smallest member (ids are sorted, so the smallest index). */
    private static List<List<String>> cycles(String[] ids, int[] next, boolean[] onCycle) {
        boolean[] listed = new boolean[ids.length];
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (!onCycle[i] || listed[i]) continue;
            List<String> cycle = new ArrayList<>();
            for (int cur = i; !listed[cur]; cur = next[cur]) {
                listed[cur] = true;
                cycle.add(ids[cur]);
            }
            out.add(cycle);
        }
        return out;
    }
}

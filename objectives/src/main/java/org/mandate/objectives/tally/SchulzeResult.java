package org.mandate.objectives.tally;

import org.mandate.objectives.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Schulze tally did: the rule with its settings, the proposals, the ballots' digest, the winner,
 * whether the status quo was kept, the potential winners (more than one means a tie was broken), the
 * Schulze order in tiers, and the pairwise and strongest-path matrices (rows and columns in
 * {@code candidates} order) from which anyone can check the outcome by hand.
 */
public record SchulzeResult(String rule, int ruleVersion, Map<String, Object> ruleSettings, List<String> candidates,
                            int ballotCount, String ballotsDigest, String winner, boolean statusQuoKept,
                            List<String> potentialWinners, List<List<String>> ranking,
                            long[][] pairwise, long[][] strongestPaths) implements JsonValue {

    public SchulzeResult {
        ruleSettings = new TreeMap<>(ruleSettings);
        candidates = List.copyOf(candidates);
        potentialWinners = List.copyOf(potentialWinners);
        ranking = List.copyOf(ranking);
        pairwise = copy(pairwise);
        strongestPaths = copy(strongestPaths);
    }

    /** d[x][y] by proposal id. */
    public long pairwise(String x, String y) {
        return pairwise[candidates.indexOf(x)][candidates.indexOf(y)];
    }

    /** p[x][y] by proposal id. */
    public long strongestPath(String x, String y) {
        return strongestPaths[candidates.indexOf(x)][candidates.indexOf(y)];
    }

    @Override
    public long[][] pairwise() { return copy(pairwise); }

    @Override
    public long[][] strongestPaths() { return copy(strongestPaths); }

    private static long[][] copy(long[][] m) {
        long[][] out = new long[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
        return out;
    }

    private static List<List<Long>> rows(long[][] m) {
        List<List<Long>> out = new ArrayList<>();
        for (long[] row : m) out.add(java.util.Arrays.stream(row).boxed().toList());
        return out;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", rule);
        json.put("rule_version", ruleVersion);
        json.put("rule_settings", ruleSettings);
        json.put("candidates", candidates);
        json.put("ballot_count", ballotCount);
        json.put("ballots_digest", ballotsDigest);
        json.put("winner", winner);
        json.put("status_quo_kept", statusQuoKept);
        json.put("potential_winners", potentialWinners);
        json.put("ranking", ranking);
        json.put("pairwise", rows(pairwise));
        json.put("strongest_paths", rows(strongestPaths));
        return json;
    }
}

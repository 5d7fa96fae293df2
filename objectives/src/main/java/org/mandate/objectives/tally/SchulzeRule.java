package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.RankingBallot;
import org.mandate.objectives.json.CanonicalJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Schulze method (Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011) over ranked
 * packaged proposals, with a status quo that must be beaten.
 *
 * <p>Ballots are first folded into the pairwise matrix d[x][y] = number of voters ranking x above y
 * (O(ballots·c²), then nothing depends on the number of ballots); link strength is "winning votes"
 * (d[x][y] when d[x][y] &gt; d[y][x], else 0); strongest paths come from the Floyd–Warshall widest-path
 * recursion. Potential winners are the proposals x with p[x][y] ≥ p[y][x] for every y.
 *
 * <p>Status quo: it stays unless a proposal beats it. If it is among the potential winners (a tie
 * included) it is kept; otherwise the winner is the first potential winner in candidate order, and,
 * when {@code directMajorityOverStatusQuo} holds, it must also be preferred to the status quo by more
 * voters than prefer the status quo to it, or the status quo is kept.
 *
 * @param statusQuo                   the proposal id of the status quo, or null for none
 * @param directMajorityOverStatusQuo whether the winner also needs a direct majority over the status quo
 */
public record SchulzeRule(String statusQuo, boolean directMajorityOverStatusQuo) {

    public static final String ID = "schulze";

    public SchulzeRule(String statusQuo) {
        this(statusQuo, true);
    }

    public String id() { return ID; }

    public int version() { return 1; }

    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("strength", "winning_votes");
        s.put("unranked", "tied_below_ranked");
        s.put("status_quo", statusQuo);
        s.put("status_quo_needs_direct_majority", directMajorityOverStatusQuo);
        s.put("tie_break", "status_quo_then_candidate_order");
        return s;
    }

    /**
     * Tallies rankings over {@code candidates} (proposal ids, in the order used to break ties). Ballots
     * are put in voter order first, so the same ballots in any order give the same result.
     */
    public SchulzeResult tally(List<String> candidates, List<RankingBallot> ballots) {
        List<String> cands = List.copyOf(candidates);
        if (cands.isEmpty()) throw new IllegalArgumentException("a ranked vote needs at least one proposal");
        if (new HashSet<>(cands).size() != cands.size()) throw new IllegalArgumentException("a proposal is listed twice: " + cands);
        if (statusQuo != null && !cands.contains(statusQuo)) throw new IllegalArgumentException("the status quo '" + statusQuo + "' is not among the proposals " + cands);
        if (ballots == null || ballots.isEmpty()) throw new IllegalArgumentException("cannot tally an empty profile: no rankings");
        List<RankingBallot> ordered = new ArrayList<>(ballots);
        ordered.sort(Comparator.comparing(RankingBallot::voter));
        Set<String> seen = new HashSet<>();
        for (RankingBallot b : ordered) {
            if (!seen.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
        }
        long[][] d = pairwise(cands, ordered);
        long[][] p = strongestPaths(d);
        int c = cands.size();

        List<String> potential = new ArrayList<>();
        for (int x = 0; x < c; x++) if (isPotentialWinner(p, x)) potential.add(cands.get(x));

        String winner;
        boolean statusQuoKept = false;
        if (statusQuo != null && potential.contains(statusQuo)) {
            winner = statusQuo;
            statusQuoKept = true;
        } else {
            winner = potential.getFirst();
            if (statusQuo != null && directMajorityOverStatusQuo) {
                int w = cands.indexOf(winner), s = cands.indexOf(statusQuo);
                if (d[w][s] <= d[s][w]) {
                    winner = statusQuo;
                    statusQuoKept = true;
                }
            }
        }
        String digest = CanonicalJson.sha256(ordered.stream().map(RankingBallot::toJsonValue).toList());
        return new SchulzeResult(ID, version(), settings(), cands, ordered.size(), digest, winner, statusQuoKept,
                potential, ranking(cands, p), d, p);
    }

    /** d[x][y]: how many ballots rank x strictly above y (unranked proposals tie below the ranked ones). */
    public static long[][] pairwise(List<String> candidates, List<RankingBallot> ballots) {
        int c = candidates.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < c; i++) index.put(candidates.get(i), i);
        long[][] d = new long[c][c];
        int[] level = new int[c];
        for (RankingBallot b : ballots) {
            int unranked = b.tiers().size();
            java.util.Arrays.fill(level, unranked);
            for (int t = 0; t < b.tiers().size(); t++) {
                for (String id : b.tiers().get(t)) {
                    Integer i = index.get(id);
                    if (i == null) throw new BallotRejected(BallotRejected.Reason.UNKNOWN_OPTION,
                            "voter " + b.voter() + " ranks '" + id + "', which is not among the proposals " + candidates);
                    level[i] = t;
                }
            }
            for (int x = 0; x < c; x++) {
                long[] row = d[x];
                int lx = level[x];
                for (int y = 0; y < c; y++) if (lx < level[y]) row[y]++;
            }
        }
        return d;
    }

    /** p[x][y]: the strength of the strongest path from x to y, links weighted by winning votes. */
    public static long[][] strongestPaths(long[][] d) {
        int c = d.length;
        long[][] p = new long[c][c];
        for (int x = 0; x < c; x++) {
            for (int y = 0; y < c; y++) if (x != y && d[x][y] > d[y][x]) p[x][y] = d[x][y];
        }
        for (int i = 0; i < c; i++) {
            for (int x = 0; x < c; x++) {
                if (x == i) continue;
                for (int y = 0; y < c; y++) {
                    if (y == x || y == i) continue;
                    p[x][y] = Math.max(p[x][y], Math.min(p[x][i], p[i][y]));
                }
            }
        }
        return p;
    }

    private static boolean isPotentialWinner(long[][] p, int x) {
        for (int y = 0; y < p.length; y++) if (y != x && p[y][x] > p[x][y]) return false;
        return true;
    }

    /**
     * The Schulze order: x above y when p[x][y] &gt; p[y][x] (a strict partial order, Schulze 2011 §4.1).
     * Proposals are grouped into tiers by how many others they beat, best first, candidate order inside.
     */
    static List<List<String>> ranking(List<String> candidates, long[][] p) {
        int c = candidates.size();
        int[] wins = new int[c];
        for (int x = 0; x < c; x++) for (int y = 0; y < c; y++) if (x != y && p[x][y] > p[y][x]) wins[x]++;
        List<List<String>> tiers = new ArrayList<>();
        for (int w = c - 1; w >= 0; w--) {
            List<String> tier = new ArrayList<>();
            for (int x = 0; x < c; x++) if (wins[x] == w) tier.add(candidates.get(x));
            if (!tier.isEmpty()) tiers.add(List.copyOf(tier));
        }
        return List.copyOf(tiers);
    }
}

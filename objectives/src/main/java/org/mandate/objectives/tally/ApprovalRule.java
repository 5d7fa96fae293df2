package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.ApprovalBallot;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.json.CanonicalJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yes/no votes on rules (data-use rules, floors), each item decided on its own. An item passes when
 * <ul>
 *   <li>quorum: the voting weight that said yes or no is at least {@code quorum} × the electorate
 *       (abstentions do not count towards the quorum), and</li>
 *   <li>majority: yes is strictly more than {@code majority} × (yes + no): 0.5 is a simple majority,
 *       a two-thirds supermajority is written as a threshold just under 2/3, e.g. 0.6666.</li>
 * </ul>
 * Weights come from {@link VotingRights} (e.g. delegated votes); by default every ballot counts 1.
 */
public record ApprovalRule(double quorum, double majority) {

    public static final String ID = "approval_threshold";

    public ApprovalRule {
        if (!(quorum >= 0 && quorum <= 1)) throw new IllegalArgumentException("quorum must be in [0, 1], got " + quorum);
        if (!(majority >= 0 && majority < 1)) throw new IllegalArgumentException("majority threshold must be in [0, 1), got " + majority);
    }

    public String id() { return ID; }

    public int version() { return 1; }

    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("quorum", quorum);
        s.put("majority", majority);
        s.put("majority_is_strict", true);
        s.put("abstentions_count_for_quorum", false);
        return s;
    }

    public ApprovalResult tally(List<String> items, double electorate, List<ApprovalBallot> ballots) {
        return tally(items, electorate, ballots, VotingRights.equal());
    }

    /**
     * @param items      the items put to the vote, in the order the result lists them
     * @param electorate the total voting weight of everyone entitled to vote (members, not just voters)
     */
    public ApprovalResult tally(List<String> items, double electorate, List<ApprovalBallot> ballots, VotingRights rights) {
        if (items == null || items.isEmpty()) throw new IllegalArgumentException("an approval vote needs at least one item");
        if (new HashSet<>(items).size() != items.size()) throw new IllegalArgumentException("an item is listed twice: " + items);
        if (!(electorate > 0) || !Double.isFinite(electorate)) throw new IllegalArgumentException("the electorate must be positive, got " + electorate);
        List<ApprovalBallot> ordered = new ArrayList<>(ballots);
        ordered.sort(Comparator.comparing(ApprovalBallot::voter));
        Set<String> seen = new HashSet<>();
        for (ApprovalBallot b : ordered) {
            if (!seen.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
            for (String item : b.votes().keySet()) {
                if (!items.contains(item)) throw new BallotRejected(BallotRejected.Reason.UNKNOWN_OPTION, "'" + item + "' is not put to this vote: " + items);
            }
        }
        double[] weight = ordered.isEmpty() ? new double[0]
                : (rights == null ? VotingRights.equal() : rights).vector(ordered.stream().map(ApprovalBallot::voter).toList());
        double cast = 0;
        for (double w : weight) cast += w;
        if (cast > electorate * (1 + 1e-12)) throw new IllegalArgumentException("ballots carry " + cast + " votes, more than the electorate of " + electorate);
        List<ApprovalResult.ItemOutcome> outcomes = new ArrayList<>();
        for (String item : items) {
            double yes = 0, no = 0;
            for (int v = 0; v < ordered.size(); v++) {
                Boolean vote = ordered.get(v).votes().get(item);
                if (vote == null) continue;
                if (vote) yes += weight[v]; else no += weight[v];
            }
            boolean quorumMet = yes + no >= quorum * electorate;
            boolean majorityMet = yes > majority * (yes + no);
            outcomes.add(new ApprovalResult.ItemOutcome(item, yes, no, electorate - yes - no, quorumMet, quorumMet && majorityMet));
        }
        String digest = CanonicalJson.sha256(ordered.stream().map(ApprovalBallot::toJsonValue).toList());
        return new ApprovalResult(ID, version(), settings(), electorate, ordered.size(), digest, outcomes);
    }
}

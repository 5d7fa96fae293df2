package org.mandate.deliberation.opinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Opinion groups the way pol.is finds them: PCA of the participant × statement vote matrix, k-means on
 * the two-dimensional projection with k from 2 to 5 chosen by silhouette (among clusterings without a
 * group of one), then representative statements
 * per group and group-informed consensus per statement. Deterministic for a given seed.
 */
public final class OpinionAnalysis {

    public static final int MIN_GROUPS = 2;
    public static final int MAX_GROUPS = 5;
    /** Below this many participants there is no meaningful grouping: everyone is one group. */
    public static final int MIN_PARTICIPANTS_TO_GROUP = 4;
    /** A group of one is a person, not a current of opinion: clusterings that leave someone alone are passed over. */
    public static final int MIN_GROUP_SIZE = 2;
    /** Representative statements kept per group. */
    public static final int REPRESENTATIVES = 3;

    private OpinionAnalysis() {}

    public static OpinionMap analyse(VoteMatrix votes, long seed) {
        int n = votes.rows();
        double[][] coords = n == 0 ? new double[0][2] : Pca.project(votes);
        int[] labels = new int[n];
        int k = n == 0 ? 0 : 1;
        double silhouette = 0;
        if (n >= MIN_PARTICIPANTS_TO_GROUP && distinct(coords) >= MIN_GROUPS) {
            int maxK = Math.min(MAX_GROUPS, Math.min(n - 1, distinct(coords)));
            double best = Double.NEGATIVE_INFINITY;
            for (int c = MIN_GROUPS; c <= maxK; c++) {
                int[] l = KMeans.cluster(coords, c, seed);
                if (smallestGroup(l, c) < MIN_GROUP_SIZE) continue;
                double s = Silhouette.score(coords, l, c);
                if (s > best + 1e-9) { best = s; labels = l; k = c; }
            }
            if (k > 1) {
                silhouette = best;
                labels = canonical(labels, k);
            }
        }

        List<ParticipantPosition> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) positions.add(new ParticipantPosition(votes.participants().get(i), coords[i][0], coords[i][1], labels[i]));

        // counts[g][s] = {agree, disagree, pass}
        int m = votes.columns();
        int[][][] counts = new int[k][m][3];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < m; s++) {
                if (!votes.seen(i, s)) continue;
                double v = votes.vote(i, s);
                counts[labels[i]][s][v > 0 ? 0 : v < 0 ? 1 : 2]++;
            }
        }

        List<OpinionGroup> groups = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (labels[i] == g) members.add(votes.participants().get(i));
            groups.add(new OpinionGroup(g, members, representatives(votes, counts, g)));
        }

        List<StatementStanding> standings = new ArrayList<>(m);
        for (int s = 0; s < m; s++) {
            int agree = 0, disagree = 0, pass = 0;
            double consensus = k == 0 ? 0 : 1;
            List<Double> perGroup = new ArrayList<>(k);
            for (int g = 0; g < k; g++) {
                int[] c = counts[g][s];
                agree += c[0];
                disagree += c[1];
                pass += c[2];
                double p = (c[0] + 1.0) / (c[0] + c[1] + c[2] + 2.0);
                perGroup.add(p);
                consensus *= p;
            }
            standings.add(new StatementStanding(votes.statements().get(s), agree, disagree, pass, consensus, perGroup));
        }
        // statements nobody has voted on yet carry only the prior; they follow the ones the panel has judged
        standings.sort(Comparator.comparing((StatementStanding st) -> st.votes() == 0)
                .thenComparing(Comparator.comparingDouble(StatementStanding::consensus).reversed())
                .thenComparing(Comparator.comparingInt(StatementStanding::votes).reversed())
                .thenComparingLong(StatementStanding::statementId));
        return new OpinionMap(positions, groups, standings, k, silhouette);
    }

    /**
     * The statements that best set group g apart. For each statement and stance (agree, disagree):
     * p = smoothed share of that stance in the group, ratio = p / the same share outside the group;
     * kept when the group leans that way (p > 1/2) more than the others do (ratio > 1), ranked by
     * p × ratio. A statement appears at most once, with its stronger stance.
     */
    static List<RepresentativeStatement> representatives(VoteMatrix votes, int[][][] counts, int g) {
        int k = counts.length, m = votes.columns();
        List<RepresentativeStatement> out = new ArrayList<>();
        for (int s = 0; s < m; s++) {
            int[] in = counts[g][s];
            int inSeen = in[0] + in[1] + in[2];
            if (inSeen == 0) continue;
            int outAgree = 0, outDisagree = 0, outSeen = 0;
            for (int h = 0; h < k; h++) {
                if (h == g) continue;
                outAgree += counts[h][s][0];
                outDisagree += counts[h][s][1];
                outSeen += counts[h][s][0] + counts[h][s][1] + counts[h][s][2];
            }
            RepresentativeStatement best = null;
            for (boolean agrees : new boolean[]{true, false}) {
                double p = ((agrees ? in[0] : in[1]) + 1.0) / (inSeen + 2.0);
                double pOut = ((agrees ? outAgree : outDisagree) + 1.0) / (outSeen + 2.0);
                double ratio = p / pOut;
                if (p <= 0.5 || ratio <= 1) continue;
                RepresentativeStatement r = new RepresentativeStatement(votes.statements().get(s), agrees, p, ratio, p * ratio,
                        agrees ? in[0] : in[1], inSeen);
                if (best == null || r.repness() > best.repness()) best = r;
            }
            if (best != null) out.add(best);
        }
        out.sort(Comparator.comparingDouble(RepresentativeStatement::repness).reversed().thenComparingLong(RepresentativeStatement::statementId));
        return out.size() > REPRESENTATIVES ? out.subList(0, REPRESENTATIVES) : out;
    }

    /** Relabels groups by first appearance, so group 0 holds the first participant: stable across runs. */
    private static int[] canonical(int[] labels, int k) {
        int[] map = new int[k];
        java.util.Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) map[labels[i]] = next++;
            out[i] = map[labels[i]];
        }
        return out;
    }

    private static int smallestGroup(int[] labels, int k) {
        int[] size = new int[k];
        for (int l : labels) size[l]++;
        return java.util.Arrays.stream(size).min().orElse(0);
    }

    private static int distinct(double[][] coords) {
        List<double[]> seen = new ArrayList<>();
        outer:
        for (double[] p : coords) {
            for (double[] q : seen) if (KMeans.distance2(p, q) < 1e-18) continue outer;
            seen.add(p);
        }
        return seen.size();
    }
}

package org.mandate.deliberation.opinion;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opinion maths on constructed vote matrices whose groups are known in advance. */
class OpinionAnalysisTest {

    private static final double N = Double.NaN;

    /**
     * Three camps of five: camp A agrees with statements 0-1 and rejects 2-3; camp B the reverse; camp
     * C agrees with 4-5 and rejects 0 and 2; everyone agrees with statement 6 (the bridge); statement 7
     * is loved by A and B but hated by C (popular, not bridging). Some votes are missing.
     */
    static final double[][] CAMPS = {
            {1, 1, -1, -1, 0, 0, 1, 1},
            {-1, -1, 1, 1, 0, 0, 1, 1},
            {-1, 0, -1, 0, 1, 1, 1, -1}};

    static VoteMatrix threeCamps() {
        List<double[]> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        double[][] camps = CAMPS;
        String[] names = {"a", "b", "c"};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 5; i++) {
                double[] r = camps[c].clone();
                if (i == 1) r[(c + 3) % 8] = N; // a few unseen votes
                if (i == 3) r[(c + 5) % 8] = N;
                rows.add(r);
                ids.add(names[c] + i);
            }
        }
        List<Long> statements = new ArrayList<>();
        for (long s = 0; s < 8; s++) statements.add(100 + s);
        return new VoteMatrix(ids, statements, rows.toArray(double[][]::new));
    }

    @Test
    void findsTheThreeCampsAndNothingElse() {
        OpinionMap map = OpinionAnalysis.analyse(threeCamps(), 7);
        assertEquals(3, map.k(), "silhouette should choose the three constructed camps");
        assertTrue(map.silhouette() > 0.7, "well separated camps give a high silhouette: " + map.silhouette());
        Set<Set<String>> groups = new HashSet<>();
        for (OpinionGroup g : map.groups()) groups.add(Set.copyOf(g.members()));
        assertEquals(Set.of(Set.of("a0", "a1", "a2", "a3", "a4"), Set.of("b0", "b1", "b2", "b3", "b4"), Set.of("c0", "c1", "c2", "c3", "c4")), groups);
        assertEquals(0, map.participants().getFirst().group(), "group 0 is the first participant's group");
    }

    @Test
    void consensusRanksTheBridgeAbovePopularButDivisiveStatements() {
        OpinionMap map = OpinionAnalysis.analyse(threeCamps(), 7);
        StatementStanding top = map.consensus().getFirst();
        assertEquals(106L, top.statementId(), "everyone agrees with statement 6");
        StatementStanding popular = map.consensus().stream().filter(s -> s.statementId() == 107L).findFirst().orElseThrow();
        assertEquals(14, top.agree(), "one member of B did not see it");
        assertEquals(10, popular.agree(), "statement 7 has many agrees");
        assertEquals(4, popular.disagree());
        assertTrue(popular.consensus() < top.consensus() / 3, "but one group rejects it, so it does not bridge");
        // consensus = product over groups of (agree + 1) / (seen + 2)
        double expected = 1;
        for (double p : top.groupAgreement()) expected *= p;
        assertEquals(expected, top.consensus(), 1e-12);
        assertEquals(6.0 / 7 * 5.0 / 6 * 6.0 / 7, top.consensus(), 1e-12);
        for (int i = 1; i < map.consensus().size(); i++) {
            assertTrue(map.consensus().get(i - 1).consensus() >= map.consensus().get(i).consensus());
        }
    }

    @Test
    void representativeStatementsSetEachGroupApart() {
        OpinionMap map = OpinionAnalysis.analyse(threeCamps(), 7);
        for (OpinionGroup g : map.groups()) {
            assertFalse(g.representatives().isEmpty());
            assertTrue(g.representatives().size() <= OpinionAnalysis.REPRESENTATIVES);
            int camp = "abc".indexOf(g.members().getFirst().charAt(0));
            for (RepresentativeStatement r : g.representatives()) {
                assertTrue(r.ratio() > 1 && r.probability() > 0.5, r.toString());
                // the camp holds the stance and no other camp does
                int s = (int) (r.statementId() - 100);
                double stance = r.agrees() ? 1 : -1;
                assertEquals(stance, CAMPS[camp][s], r.toString());
                for (int other = 0; other < 3; other++) if (other != camp) assertTrue(CAMPS[other][s] != stance, r.toString());
            }
            assertTrue(g.representatives().stream().noneMatch(r -> r.statementId() == 106L), "the bridge sets no group apart");
        }
    }

    @Test
    void aStatementNobodyVotedOnFollowsTheJudgedOnes() {
        // statement 3 has no vote: its prior (1/2 per group) beats the divisive statement 1, yet it is listed last
        double[][] votes = {{1, -1, N}, {1, -1, N}, {-1, 1, N}, {-1, 1, N}, {1, -1, N}, {-1, 1, N}};
        VoteMatrix m = new VoteMatrix(List.of("a", "b", "c", "d", "e", "f"), List.of(1L, 2L, 3L), votes);
        OpinionMap map = OpinionAnalysis.analyse(m, 5);
        assertEquals(2, map.k());
        StatementStanding last = map.consensus().getLast();
        assertEquals(3L, last.statementId());
        assertEquals(0, last.votes());
        assertTrue(last.consensus() > map.consensus().getFirst().consensus(), "the prior alone would have ranked it first");
    }

    @Test
    void theSameVotesAlwaysDrawTheSameMap() {
        assertEquals(OpinionAnalysis.analyse(threeCamps(), 7), OpinionAnalysis.analyse(threeCamps(), 7));
    }

    @Test
    void pcaSeparatesTwoOpposedCampsOnTheFirstAxisAndScalesSparseVoters() {
        double[][] votes = {
                {1, 1, -1, -1}, {1, 1, -1, -1}, {1, N, N, N},
                {-1, -1, 1, 1}, {-1, -1, 1, 1}, {-1, N, N, N}};
        VoteMatrix m = new VoteMatrix(List.of("p0", "p1", "p2", "q0", "q1", "q2"), List.of(1L, 2L, 3L, 4L), votes);
        double[][] xy = Pca.project(m);
        for (int i = 0; i < 3; i++) assertTrue(Math.signum(xy[i][0]) == -Math.signum(xy[i + 3][0]) && xy[i][0] != 0);
        assertEquals(Math.abs(xy[0][0]), Math.abs(xy[3][0]), 1e-9, "the camps are symmetric");
        // p2 voted on one statement of four: its projection is scaled by sqrt(4 / 1), p0's (all seen) by 1.
        double[] v = Pca.leadingComponent(Pca.centre(m), 4, null);
        assertEquals(2 * v[0], xy[2][0], 1e-9);
        assertEquals(v[0] + v[1] - v[2] - v[3], xy[0][0], 1e-9);
        assertTrue(Math.abs(xy[2][0]) < Math.abs(xy[0][0]));
        OpinionMap map = OpinionAnalysis.analyse(m, 1);
        assertEquals(2, map.k());
        assertEquals(map.participants().get(0).group(), map.participants().get(2).group());
        assertEquals(map.participants().get(3).group(), map.participants().get(5).group());
    }

    @Test
    void kMeansAndSilhouetteOnPlainPoints() {
        Random r = new Random(3);
        double[][] pts = new double[40][2];
        for (int i = 0; i < 40; i++) {
            double cx = (i % 4) * 10, cy = (i % 4 >= 2 ? 10 : 0);
            pts[i] = new double[]{cx + r.nextGaussian() * 0.3, cy + r.nextGaussian() * 0.3};
        }
        int[] labels = KMeans.cluster(pts, 4, 11);
        for (int i = 4; i < 40; i++) assertEquals(labels[i % 4], labels[i]);
        assertEquals(4, new HashSet<>(java.util.Arrays.stream(labels).boxed().toList()).size());
        assertTrue(Silhouette.score(pts, labels, 4) > 0.9);
        int[] wrong = new int[40];
        for (int i = 0; i < 40; i++) wrong[i] = i % 2;
        assertTrue(Silhouette.score(pts, wrong, 2) < Silhouette.score(pts, labels, 4));
    }

    @Test
    void tooFewParticipantsOrNoDisagreementIsOneGroup() {
        VoteMatrix few = new VoteMatrix(List.of("x", "y", "z"), List.of(1L, 2L), new double[][]{{1, -1}, {-1, 1}, {1, N}});
        OpinionMap map = OpinionAnalysis.analyse(few, 1);
        assertEquals(1, map.k());
        assertEquals(1, map.groups().size());
        assertEquals(3.0 / 5, map.consensus().stream().filter(s -> s.statementId() == 1L).findFirst().orElseThrow().consensus(), 1e-12,
                "one group: (2 agrees + 1) / (3 seen + 2)");
        VoteMatrix unanimous = new VoteMatrix(List.of("a", "b", "c", "d", "e"), List.of(1L), new double[][]{{1}, {1}, {1}, {1}, {1}});
        assertEquals(1, OpinionAnalysis.analyse(unanimous, 1).k());
        OpinionMap empty = OpinionAnalysis.analyse(new VoteMatrix(List.of(), List.of(), new double[0][]), 1);
        assertEquals(0, empty.k());
        assertTrue(empty.groups().isEmpty() && empty.participants().isEmpty());
    }
}

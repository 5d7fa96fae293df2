package org.mandate.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic citizen panel for the demo: members drawn from a few opinion groups, each group
 * with its own ideal split of effort over relevance, novelty and fair exposure, plus personal noise.
 * The groups are what a real panel often shows: people who want accuracy, people who want discovery,
 * and people who want a fair share for independent and regional producers. Each member also has a region
 * and an age band (the strata the report breaks turnout down by) and may abstain, as real members do.
 * Attributes and abstention come from a second seeded stream, so the ballots of a seed never change.
 */
public record SyntheticPanel(List<Member> members) {

    /**
     * One synthetic member: the opinion group they come from, their ballot in points out of 100, their strata
     * and whether they cast that ballot.
     */
    public record Member(String group, Map<String, Integer> points, String region, String ageBand, boolean votes) {}

    static final List<String> REGIONS = List.of("north", "centre", "south");
    static final List<String> AGE_BANDS = List.of("16-29", "30-49", "50-64", "65+");
    /** Share of members who cast their ballot; by age band, as turnout usually rises with age. */
    static final double[] TURNOUT = {0.78, 0.88, 0.93, 0.95};

    record Group(String name, double share, double relevance, double novelty, double fairness) {}

    static final List<Group> GROUPS = List.of(
            new Group("accuracy first", 0.45, 70, 15, 15),
            new Group("discovery", 0.30, 30, 55, 15),
            new Group("fair share for producers", 0.25, 25, 15, 60));

    public static SyntheticPanel generate(int size, long seed) {
        if (size < 1) throw new IllegalArgumentException("a panel needs at least one member");
        Random random = new Random(seed);
        Random strata = new Random(seed ^ 0x5DEECE66DL);
        List<Member> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Group g = pick(random.nextDouble());
            double[] raw = {
                    noisy(g.relevance(), random), noisy(g.novelty(), random), noisy(g.fairness(), random)};
            String region = REGIONS.get(strata.nextInt(REGIONS.size()));
            int band = strata.nextInt(AGE_BANDS.size());
            // The first member always votes, so even a panel of one has a ballot to tally.
            boolean votes = i == 0 || strata.nextDouble() < TURNOUT[band];
            members.add(new Member(g.name(), points(raw), region, AGE_BANDS.get(band), votes));
        }
        return new SyntheticPanel(List.copyOf(members));
    }

    /** How many members cast their ballot. */
    public int voters() {
        return (int) members.stream().filter(Member::votes).count();
    }

    private static Group pick(double u) {
        double acc = 0;
        for (Group g : GROUPS) {
            acc += g.share();
            if (u < acc) return g;
        }
        return GROUPS.getLast();
    }

    private static double noisy(double centre, Random random) {
        return Math.max(0, centre + random.nextGaussian() * 8);
    }

    /** Integer points summing to exactly 100 (largest-remainder rounding), as the ballot form requires. */
    static Map<String, Integer> points(double[] raw) {
        String[] ids = {"relevance", "novelty", "provider_fairness"};
        double sum = raw[0] + raw[1] + raw[2];
        if (sum <= 0) raw = new double[]{1, 1, 1};
        sum = raw[0] + raw[1] + raw[2];
        int[] p = new int[3];
        double[] remainder = new double[3];
        int given = 0;
        for (int j = 0; j < 3; j++) {
            double exact = 100 * raw[j] / sum;
            p[j] = (int) Math.floor(exact);
            remainder[j] = exact - p[j];
            given += p[j];
        }
        while (given < 100) {
            int best = 0;
            for (int j = 1; j < 3; j++) if (remainder[j] > remainder[best]) best = j;
            p[best]++;
            remainder[best] = -1;
            given++;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int j = 0; j < 3; j++) out.put(ids[j], p[j]);
        return out;
    }
}

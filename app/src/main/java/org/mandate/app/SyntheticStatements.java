package org.mandate.app;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's deliberation: a handful of short statements, each posted by a member of the opinion group
 * that holds it, and how likely each group is to agree or disagree with it. Some statements divide the
 * groups and some bridge them, so the opinion map finds the groups and the bridging ranking has something
 * to tell apart. One statement insults other viewers; the organiser hides it, with a published reason.
 */
record SyntheticStatements(List<Item> items) {

    /**
     * A statement, the group of its author, and each group's probability of agreeing and of disagreeing (the
     * rest pass). {@code abusive} statements are hidden by the organiser as soon as they are posted.
     */
    record Item(String text, String author, Map<String, double[]> stances, boolean abusive) {}

    static final String ACCURACY = "accuracy first", DISCOVERY = "discovery", FAIR = "fair share for producers";
    static final String HIDDEN_REASON = "insults other viewers (house rule 2: discuss ideas, not people)";

    /** The statements every demo deliberates on. */
    static SyntheticStatements demo() {
        return new SyntheticStatements(List.of(
                new Item("The broadcaster should say in plain words why each programme was recommended to me.", ACCURACY,
                        stances(0.85, 0.05, 0.80, 0.05, 0.85, 0.05), false),
                new Item("Regional and local programmes deserve a place in everyone's list, not only in the regions.", FAIR,
                        stances(0.55, 0.25, 0.75, 0.10, 0.95, 0.02), false),
                new Item("My list should show what I actually like, not what someone thinks is good for me.", ACCURACY,
                        stances(0.90, 0.04, 0.35, 0.45, 0.20, 0.65), false),
                new Item("Once an evening, show me something I would never have picked myself.", DISCOVERY,
                        stances(0.20, 0.60, 0.92, 0.03, 0.55, 0.20), false),
                new Item("Independent producers should get a fair share of the screen, not just the in-house hits.", FAIR,
                        stances(0.25, 0.55, 0.55, 0.20, 0.95, 0.02), false),
                new Item("Viewing histories older than a year should not be used to recommend anything.", DISCOVERY,
                        stances(0.60, 0.20, 0.70, 0.10, 0.65, 0.15), false),
                new Item("People who watch reality shows all day are idiots and should not be on this panel.", ACCURACY,
                        stances(0.10, 0.80, 0.05, 0.85, 0.05, 0.85), true)));
    }

    private static Map<String, double[]> stances(double accuracyAgree, double accuracyDisagree, double discoveryAgree, double discoveryDisagree,
                                                 double fairAgree, double fairDisagree) {
        return Map.of(ACCURACY, new double[]{accuracyAgree, accuracyDisagree}, DISCOVERY, new double[]{discoveryAgree, discoveryDisagree},
                FAIR, new double[]{fairAgree, fairDisagree});
    }

    /** A member of {@code group}'s vote on the item: 1 agree, -1 disagree, 0 pass. */
    static int stance(Item item, String group, Random random) {
        double[] p = item.stances().get(group);
        double u = random.nextDouble();
        return u < p[0] ? 1 : u < p[0] + p[1] ? -1 : 0;
    }
}

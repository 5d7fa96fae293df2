package org.mandate.bench;

import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Shared setup for the audit benchmarks: a panel's ballot entries, then its tally and mandate, as the app appends them. */
final class BenchLedgers {

    static final long PANEL = 1;
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final ObjectiveMenu MENU = ObjectiveMenu.of("relevance", "novelty", "provider_fairness");

    /** The ledger, the tally and the mandate it ends with. */
    record Panel(Ledger ledger, TallyRecord tally, Mandate mandate) {}

    private BenchLedgers() {}

    /** One ballot per voter (points out of 100, seeded), a tally by independent markets and the mandate from it. */
    static Panel panel(int voters, long seed) {
        Random random = new Random(seed);
        Ledger ledger = new Ledger();
        List<WeightBallot> counted = new ArrayList<>(voters);
        for (int v = 0; v < voters; v++) {
            int relevance = random.nextInt(101);
            int novelty = random.nextInt(101 - relevance);
            TreeMap<String, Double> w = new TreeMap<>();
            w.put("relevance", relevance / 100.0);
            w.put("novelty", novelty / 100.0);
            w.put("provider_fairness", (100 - relevance - novelty) / 100.0);
            String voter = "voter-" + v;
            ledger.append(new BallotCast(PANEL, voter, 1, w, START.plusMillis(v)));
            counted.add(new WeightBallot(voter, w));
        }
        TallyRecord tally = Tally.run(counted, MENU, new IndependentMarketsRule());
        ledger.append(new TallyComputed(PANEL, tally));
        Mandate mandate = Mandate.fromTally(tally, List.of(), DataUseRules.NONE, null, "panel " + PANEL);
        ledger.append(new MandatePublished(PANEL, mandate));
        return new Panel(ledger, tally, mandate);
    }
}

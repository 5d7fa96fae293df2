package org.mandate.app;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticPanelTest {

    @Test
    void aSeedGivesTheSamePanelWithStrataAndSomeAbstentions() {
        SyntheticPanel a = SyntheticPanel.generate(400, 42), b = SyntheticPanel.generate(400, 42);
        assertEquals(a, b, "seeded");
        for (SyntheticPanel.Member m : a.members()) {
            assertEquals(100, m.points().values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(SyntheticPanel.REGIONS.contains(m.region()) && SyntheticPanel.AGE_BANDS.contains(m.ageBand()), m.toString());
        }
        double turnout = a.voters() / 400.0;
        assertTrue(turnout > 0.8 && turnout < 0.97, "turnout " + turnout);
        for (String band : SyntheticPanel.AGE_BANDS) {
            assertTrue(a.members().stream().filter(m -> m.ageBand().equals(band)).count() > 60, "every age band is drawn: " + band);
        }
        assertTrue(SyntheticPanel.generate(1, 3).members().getFirst().votes(), "a panel of one still has a ballot to tally");
    }

    @Test
    void groupsVoteOnStatementsAsTheirStancesSay() {
        SyntheticStatements.Item explain = SyntheticStatements.demo().items().getFirst();
        Random random = new Random(1);
        int agree = 0;
        for (int i = 0; i < 2000; i++) if (SyntheticStatements.stance(explain, SyntheticStatements.DISCOVERY, random) == 1) agree++;
        assertEquals(0.80, agree / 2000.0, 0.03, "the discovery group agrees with the bridging statement 80 % of the time");
        assertEquals(1, SyntheticStatements.demo().items().stream().filter(SyntheticStatements.Item::abusive).count());
    }
}

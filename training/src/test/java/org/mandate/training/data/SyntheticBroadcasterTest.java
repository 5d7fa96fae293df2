package org.mandate.training.data;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.metrics.ItemFeatures;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class SyntheticBroadcasterTest {

    private static final SyntheticBroadcaster.Config SMALL = SyntheticBroadcaster.Config.defaults(11).withSize(400, 800);

    @Test
    void sameSeedGivesIdenticalDataAndHash() {
        InteractionData a = SyntheticBroadcaster.generate(SMALL);
        InteractionData b = SyntheticBroadcaster.generate(SMALL);
        assertTrue(Arrays.deepEquals(a.histories(), b.histories()));
        assertArrayEquals(a.catalogue().providerGroup(), b.catalogue().providerGroup());
        assertArrayEquals(a.catalogue().genre(), b.catalogue().genre());
        assertArrayEquals(a.catalogue().local(), b.catalogue().local());
        assertEquals(a.sha256(), b.sha256());
    }

    @Test
    void differentSeedGivesDifferentData() {
        InteractionData a = SyntheticBroadcaster.generate(SMALL);
        SyntheticBroadcaster.Config other = SyntheticBroadcaster.Config.defaults(12).withSize(400, 800);
        InteractionData b = SyntheticBroadcaster.generate(other);
        assertNotEquals(a.sha256(), b.sha256());
        assertFalse(Arrays.deepEquals(a.histories(), b.histories()));
    }

    @Test
    void inHouseProgrammesAreFewerButMoreWatchedAndLocalMeansMostlyRegional() {
        InteractionData data = SyntheticBroadcaster.generate(SMALL);
        ItemCatalogue c = data.catalogue();
        int[] counts = data.itemCounts();
        int[] items = new int[3];
        double[] views = new double[3];
        int local = 0, localRegional = 0;
        for (int i = 0; i < c.itemCount(); i++) {
            items[c.providerGroup()[i]]++;
            views[c.providerGroup()[i]] += counts[i];
            if (c.local()[i]) {
                local++;
                if (c.providerGroup()[i] == 2) localRegional++;
            }
        }
        assertTrue(items[0] < items[1] && items[0] < items[2], "in-house is the smallest group: " + Arrays.toString(items));
        for (int g = 1; g < 3; g++) {
            assertTrue(views[0] / items[0] > 2 * views[g] / items[g], "in-house programmes are watched far more per item");
        }
        assertTrue(localRegional > 0.7 * local, "most local productions are regional");
    }

    @Test
    void historiesHaveConfiguredLengthsAndPopularityIsLongTailed() {
        InteractionData data = SyntheticBroadcaster.generate(SMALL);
        int shortest = Integer.MAX_VALUE, longest = 0;
        for (int[] h : data.histories()) {
            shortest = Math.min(shortest, h.length);
            longest = Math.max(longest, h.length);
        }
        assertTrue(shortest >= SMALL.minHistory() && longest <= SMALL.maxHistory(), shortest + ".." + longest);
        assertTrue(longest > 3 * shortest, "history lengths vary");
        double[] pop = data.popularity();
        assertEquals(1.0, Arrays.stream(pop).sum(), 1e-9);
        assertTrue(Arrays.stream(pop).allMatch(p -> p > 0));
        double[] sorted = pop.clone();
        Arrays.sort(sorted);
        double top5 = 0;
        for (int i = 0; i < sorted.length / 20; i++) top5 += sorted[sorted.length - 1 - i];
        assertTrue(top5 > 0.2, "the top 5 % of programmes take over a fifth of the views, got " + top5);
        assertEquals(data.itemCount(), data.features().itemCount());
    }

    @Test
    void featuresCarryGenresAsCategoriesAndTheLocalTag() {
        InteractionData data = SyntheticBroadcaster.generate(SMALL);
        ItemFeatures f = data.features();
        assertEquals(data.catalogue().genres(), f.categories());
        for (int i = 0; i < data.itemCount(); i++) {
            double[] row = f.categoryMatrix()[i];
            assertEquals(1.0, row[data.catalogue().genre()[i]]);
            assertEquals(1.0, Arrays.stream(row).sum());
            assertEquals(data.catalogue().genre()[i], f.mainCategory(i));
        }
        assertArrayEquals(data.catalogue().local(), f.tag("local"));
        assertArrayEquals(data.catalogue().local(), f.publicValueFlags());
        assertTrue(f.categoryCount() > 1, "the synthetic catalogue has several genres");
    }
}

package org.mandate.training.split;

import org.junit.jupiter.api.Test;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class HoldoutSplitTest {

    private static final InteractionData DATA =
            SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(3).withSize(300, 600));

    @Test
    void sameSeedSameSplit() {
        HoldoutSplit a = HoldoutSplit.standard(DATA, 5);
        HoldoutSplit b = HoldoutSplit.standard(DATA, 5);
        assertArrayEquals(a.trainingUsers(), b.trainingUsers());
        assertArrayEquals(a.heldOutUsers(), b.heldOutUsers());
        assertTrue(Arrays.deepEquals(a.foldIn(), b.foldIn()));
        assertTrue(Arrays.deepEquals(a.heldOut(), b.heldOut()));
        HoldoutSplit c = HoldoutSplit.standard(DATA, 6);
        assertFalse(Arrays.equals(a.heldOutUsers(), c.heldOutUsers()));
    }

    @Test
    void usersAreSplitDisjointlyAndCompletely() {
        HoldoutSplit s = HoldoutSplit.standard(DATA, 5);
        Set<Integer> train = new HashSet<>();
        for (int u : s.trainingUsers()) train.add(u);
        for (int u : s.heldOutUsers()) assertFalse(train.contains(u), "user " + u + " is on both sides");
        int[] all = IntStream.concat(Arrays.stream(s.trainingUsers()), Arrays.stream(s.heldOutUsers())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, DATA.userCount()).toArray(), all);
        assertEquals(90, s.heldOutUsers().length, "15 % of 600 users");
        assertEquals(s.trainingUsers().length, s.trainingData(DATA).userCount());
    }

    @Test
    void eachHeldOutHistoryIsPartitionedEightyTwenty() {
        HoldoutSplit s = HoldoutSplit.standard(DATA, 5);
        long foldIn = 0, truth = 0;
        for (int j = 0; j < s.heldOutUsers().length; j++) {
            int[] history = DATA.histories()[s.heldOutUsers()[j]];
            int[] merged = IntStream.concat(Arrays.stream(s.foldIn()[j]), Arrays.stream(s.heldOut()[j])).sorted().toArray();
            assertArrayEquals(history, merged, "fold-in and held-out partition the history");
            Set<Integer> in = new HashSet<>();
            for (int i : s.foldIn()[j]) in.add(i);
            for (int i : s.heldOut()[j]) assertFalse(in.contains(i));
            assertTrue(s.heldOut()[j].length >= 1);
            foldIn += s.foldIn()[j].length;
            truth += s.heldOut()[j].length;
        }
        double share = (double) truth / (foldIn + truth);
        assertEquals(0.2, share, 0.03);
    }

    @Test
    void atLeastTheMinimumIsHeldOut() {
        HoldoutSplit s = HoldoutSplit.of(DATA, 0.01, 50, 0.8, 1);
        assertEquals(50, s.heldOutUsers().length);
    }
}

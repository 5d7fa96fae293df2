package org.mandate.training.data;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.mandate.DataUseRules;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TimedInteractionsTest {

    private static final long DAY = 86_400;

    private static TimedInteractions sample() {
        ItemCatalogue c = new ItemCatalogue(List.of("a", "b", "c"), new int[3], List.of("g"), new int[3], List.of("p"), new boolean[3]);
        InteractionData data = new InteractionData(c, 3, new int[][]{{0, 2}, {1}, {0, 1, 2}});
        return new TimedInteractions(data, List.of("u1", "u2", "u3"),
                new long[][]{{10 * DAY, 3 * DAY}, {2 * DAY}, {10 * DAY - 1, 7 * DAY, 9 * DAY}}, List.of(LoadOptions.USER));
    }

    @Test
    void anAgeLimitCountsFromTheNewestInteractionAndKeepsTheBoundary() {
        TimedInteractions t = sample();
        assertEquals(10 * DAY, t.newestTimestamp());
        TimedInteractions recent = t.withMaxAgeDays(3);
        assertEquals(List.of("u1", "u3"), recent.userIds(), "u2's only interaction is 8 days old");
        assertArrayEquals(new int[][]{{0}, {0, 1, 2}}, recent.data().histories(), "exactly 3 days old is still kept");
        assertArrayEquals(new long[][]{{10 * DAY}, {10 * DAY - 1, 7 * DAY, 9 * DAY}}, recent.timestamps());
        assertEquals(t.data().catalogue(), recent.data().catalogue());
        assertEquals(t.fieldsRead(), recent.fieldsRead());
        assertEquals(List.of("u1", "u3"), t.withMaxAgeDays(1).userIds());
        assertArrayEquals(new int[][]{{0}, {0, 2}}, t.withMaxAgeDays(1).data().histories());
    }

    @Test
    void violationsNameWhatBreaksTheDataUseRules() {
        TimedInteractions t = sample();
        assertEquals(List.of(), t.violations(DataUseRules.NONE));
        assertEquals(List.of("2 interaction(s) are older than 3 days before the newest"), t.violations(new DataUseRules(List.of(), 3)));
        assertEquals(List.of(), t.withMaxAgeDays(3).violations(new DataUseRules(List.of(), 3)));
        assertEquals(List.of("the forbidden field 'interactions.user' was read"),
                t.violations(new DataUseRules(List.of(LoadOptions.USER, LoadOptions.LOCAL), null)));
    }

    @Test
    void timestampsMustMatchTheHistories() {
        TimedInteractions t = sample();
        assertThrows(IllegalArgumentException.class,
                () -> new TimedInteractions(t.data(), t.userIds(), new long[][]{{1, 2}, {3}, {4}}, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TimedInteractions(t.data(), List.of("u1"), t.timestamps(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> t.withMaxAgeDays(0));
    }
}

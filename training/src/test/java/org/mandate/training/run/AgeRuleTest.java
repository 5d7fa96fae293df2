package org.mandate.training.run;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.LoadOptions;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.data.TimedInteractions;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.CheckpointStore;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** The training module applies a mandate's interaction-age limit itself, before anything reads the data. */
class AgeRuleTest {

    private static final long DAY = 86_400;
    private static final Instant REFERENCE = Instant.parse("2026-06-30T00:00:00Z");
    private static final TrainerConfig CONFIG = new TrainerConfig(16, 2, 64, 3e-3, 0.5, 9, 10, 1);
    private static final List<String> FIELDS = List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.TIMESTAMP,
            LoadOptions.GENRE, LoadOptions.PROVIDER_GROUP);

    private static Mandate limited(int days) {
        return new Mandate(new TreeMap<>(Map.of(Relevance.ID, 1.0)), List.of(), new DataUseRules(List.of(), days), null,
                Provenance.baseline("age test"));
    }

    /** Item 0 was only ever watched 400 days ago, users 0..4 watched everything 200 days ago, the rest is recent. */
    private static TimedInteractions timed() {
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(9).withSize(80, 150));
        long ref = REFERENCE.getEpochSecond();
        long[][] times = new long[data.userCount()][];
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < data.userCount(); u++) {
            int[] h = data.histories()[u];
            times[u] = new long[h.length];
            for (int j = 0; j < h.length; j++) {
                times[u][j] = ref - (h[j] == 0 ? 400 : u < 5 ? 200 : u % 30) * DAY;
            }
            ids.add("u" + u);
        }
        return new TimedInteractions(data, ids, times, FIELDS);
    }

    @Test
    void aForbiddenAgeInteractionNeverReachesTheTrainerAndTheManifestSaysSo() {
        TimedInteractions all = timed();
        InteractionData given = all.data();
        assertTrue(given.itemCounts()[0] > 0, "the old item was watched");
        long expectedRemoved = 0;
        int expectedUsersRemoved = 0;
        for (int u = 0; u < given.userCount(); u++) {
            int old = 0;
            for (int i : given.histories()[u]) if (i == 0 || u < 5) old++;
            expectedRemoved += old;
            if (old == given.histories()[u].length) expectedUsersRemoved++;
        }

        TrainingResult r = TrainingRun.execute(all, REFERENCE, 9, limited(90), CONFIG, ProgressListener.NONE, CheckpointStore.NONE);

        assertEquals(0, r.data().itemCounts()[0], "no interaction with the item only watched 400 days ago was trained on");
        assertEquals(given.interactionCount() - expectedRemoved, r.data().interactionCount());
        assertEquals(given.userCount() - expectedUsersRemoved, r.data().userCount());
        assertEquals(r.data().userCount(), r.split().trainingUsers().length + r.split().heldOutUsers().length,
                "the split is drawn from the filtered data");
        assertEquals(r.data().sha256(), r.manifest().dataSha256(), "the manifest names the data actually trained on");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.manifest().toJsonValue();
        assertEquals(FIELDS, json.get("data_fields_read"), "exactly the fields the loader read");
        Map<?, ?> filter = (Map<?, ?>) ((Map<?, ?>) json.get("data_use")).get("age_filter");
        assertEquals(expectedRemoved, ((Number) filter.get("interactions_removed")).longValue());
        assertEquals(expectedUsersRemoved, ((Number) filter.get("users_removed")).intValue());
        assertEquals(REFERENCE.toString(), filter.get("reference"));
        assertEquals(REFERENCE.minusSeconds(90 * DAY).toString(), filter.get("cutoff"));
        assertEquals(90, ((Map<?, ?>) json.get("data_use")).get("max_interaction_age_days"));
        System.out.printf("[age] removed %d of %d interactions and %d of %d users%n", expectedRemoved,
                given.interactionCount(), expectedUsersRemoved, given.userCount());
    }

    @Test
    void withoutALimitNothingIsRemovedAndTheRunMatchesTheUntimedOne() {
        TimedInteractions all = timed();
        Mandate none = Mandate.relevanceOnly();
        TrainingResult timedRun = TrainingRun.execute(all, REFERENCE, 9, none, CONFIG, ProgressListener.NONE, CheckpointStore.NONE);
        TrainingResult plain = TrainingRun.execute(all.data(), HoldoutSplit.standard(all.data(), 9), none, CONFIG, ProgressListener.NONE);
        assertEquals(plain.manifest().modelSha256(), timedRun.manifest().modelSha256());
        assertNull(timedRun.manifest().dataUse().get("age_filter"));
    }

    @Test
    void badReferencesAndUntimedDataAreRefused() {
        TimedInteractions all = timed();
        IllegalArgumentException future = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(all,
                REFERENCE.minusSeconds(10 * DAY), 9, limited(90), CONFIG, ProgressListener.NONE, CheckpointStore.NONE));
        assertTrue(future.getMessage().contains("after the reference instant"), future.getMessage());
        IllegalArgumentException untimed = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(all.data(),
                HoldoutSplit.standard(all.data(), 9), limited(90), CONFIG, ProgressListener.NONE));
        assertTrue(untimed.getMessage().contains("no timestamps"), untimed.getMessage());
        Mandate noTimestamps = new Mandate(new TreeMap<>(Map.of(Relevance.ID, 1.0)), List.of(),
                new DataUseRules(List.of(LoadOptions.TIMESTAMP), null), null, Provenance.baseline("no timestamps"));
        IllegalArgumentException forbidden = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(all,
                REFERENCE, 9, noTimestamps, CONFIG, ProgressListener.NONE, CheckpointStore.NONE));
        assertTrue(forbidden.getMessage().contains(LoadOptions.TIMESTAMP), forbidden.getMessage());
    }
}

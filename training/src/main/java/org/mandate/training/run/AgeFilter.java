package org.mandate.training.run;

import org.mandate.objectives.json.JsonValue;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.TimedInteractions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mandate's limit on interaction age, applied before anything else reads the data: an interaction is kept
 * when it happened at most {@code maxAgeDays} days before the reference instant; users left with nothing are
 * dropped. The reference is explicit (the caller's "as of"), so the same data, rule and reference always give
 * the same training data. Interactions after the reference are refused: the rule cannot say how old they are.
 *
 * @param maxAgeDays          the mandate's limit
 * @param reference           the instant ages are measured from
 * @param cutoff              reference − maxAgeDays days; older interactions are removed
 * @param interactionsBefore  interactions given
 * @param interactionsRemoved interactions the rule removed
 * @param usersBefore         users given
 * @param usersRemoved        users left without any interaction, hence removed
 */
public record AgeFilter(int maxAgeDays, Instant reference, Instant cutoff, long interactionsBefore, long interactionsRemoved,
                        int usersBefore, int usersRemoved) implements JsonValue {

    private static final long SECONDS_PER_DAY = 86_400L;

    /** The filtered data and what the filter did. */
    public record Result(TimedInteractions kept, AgeFilter filter) {}

    public static Result apply(TimedInteractions data, int maxAgeDays, Instant reference) {
        if (maxAgeDays < 1) throw new IllegalArgumentException("the maximum interaction age must be at least one day");
        long ref = reference.getEpochSecond();
        long cutoff = ref - maxAgeDays * SECONDS_PER_DAY;
        List<String> ids = new ArrayList<>();
        List<int[]> histories = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        long later = 0;
        for (int u = 0; u < data.data().userCount(); u++) {
            int[] h = data.data().histories()[u];
            long[] t = data.timestamps()[u];
            int n = 0;
            int[] items = new int[h.length];
            long[] kept = new long[h.length];
            for (int j = 0; j < h.length; j++) {
                if (t[j] > ref) later++;
                if (t[j] >= cutoff) {
                    items[n] = h[j];
                    kept[n++] = t[j];
                }
            }
            if (n == 0) continue;
            ids.add(data.userIds().get(u));
            histories.add(Arrays.copyOf(items, n));
            times.add(Arrays.copyOf(kept, n));
        }
        if (later > 0) {
            throw new IllegalArgumentException(later + " interaction(s) happened after the reference instant " + reference
                    + ", so their age is undefined; choose a reference at or after the newest interaction");
        }
        InteractionData keptData = new InteractionData(data.data().catalogue(), ids.size(), histories.toArray(int[][]::new));
        TimedInteractions kept = new TimedInteractions(keptData, ids, times.toArray(long[][]::new), data.fieldsRead());
        AgeFilter filter = new AgeFilter(maxAgeDays, reference, Instant.ofEpochSecond(cutoff), data.data().interactionCount(),
                data.data().interactionCount() - keptData.interactionCount(), data.data().userCount(),
                data.data().userCount() - keptData.userCount());
        return new Result(kept, filter);
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("max_interaction_age_days", maxAgeDays);
        json.put("reference", reference.toString());
        json.put("reference_epoch_second", reference.getEpochSecond());
        json.put("cutoff", cutoff.toString());
        json.put("interactions_before", interactionsBefore);
        json.put("interactions_removed", interactionsRemoved);
        json.put("users_before", usersBefore);
        json.put("users_removed", usersRemoved);
        return json;
    }
}

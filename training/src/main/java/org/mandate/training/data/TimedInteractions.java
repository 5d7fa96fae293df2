package org.mandate.training.data;

import org.mandate.objectives.mandate.DataUseRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Interactions loaded from a real data set, with what {@link InteractionData} does not carry: the
 * original user ids (item ids are the catalogue's {@link ItemCatalogue#itemIds()}) and when each
 * interaction happened, so that data-use rules on interaction age can be enforced and shown.
 *
 * @param data       dense users 0..U-1 and items 0..I-1
 * @param userIds    original id of each dense user index
 * @param timestamps {@code timestamps[u][j]}: seconds since the epoch of user u's interaction with item
 *                   {@code data.histories()[u][j]} (the latest one when the user consumed it repeatedly)
 * @param fieldsRead the fields the loader read (names as in {@link LoadOptions}), for the run manifest
 */
public record TimedInteractions(InteractionData data, List<String> userIds, long[][] timestamps, List<String> fieldsRead) {

    private static final long SECONDS_PER_DAY = 86_400L;

    public TimedInteractions {
        Objects.requireNonNull(data, "data");
        userIds = List.copyOf(userIds);
        fieldsRead = List.copyOf(fieldsRead);
        if (userIds.size() != data.userCount() || timestamps.length != data.userCount()) {
            throw new IllegalArgumentException("one user id and one timestamp row per user");
        }
        for (int u = 0; u < timestamps.length; u++) {
            if (timestamps[u].length != data.histories()[u].length) {
                throw new IllegalArgumentException("user " + userIds.get(u) + " needs one timestamp per interaction");
            }
        }
    }

    /** The newest interaction's timestamp, the "now" that age limits are measured from; MIN_VALUE if empty. */
    public long newestTimestamp() {
        long newest = Long.MIN_VALUE;
        for (long[] row : timestamps) for (long t : row) newest = Math.max(newest, t);
        return newest;
    }

    /**
     * Only the interactions at most {@code days} days older than the newest one. Users left without any
     * interaction are dropped (the rest keep their order), the catalogue is unchanged. The newest
     * interaction is the reference because a data export has no trustworthy "today" of its own.
     */
    public TimedInteractions withMaxAgeDays(int days) {
        if (days < 1) throw new IllegalArgumentException("days must be at least 1");
        long cutoff = newestTimestamp() - days * SECONDS_PER_DAY;
        List<String> ids = new ArrayList<>();
        List<int[]> histories = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        for (int u = 0; u < timestamps.length; u++) {
            int[] h = data.histories()[u];
            long[] t = timestamps[u];
            int n = 0;
            int[] keptItems = new int[h.length];
            long[] keptTimes = new long[h.length];
            for (int j = 0; j < h.length; j++) {
                if (t[j] >= cutoff) {
                    keptItems[n] = h[j];
                    keptTimes[n++] = t[j];
                }
            }
            if (n == 0) continue;
            ids.add(userIds.get(u));
            histories.add(Arrays.copyOf(keptItems, n));
            times.add(Arrays.copyOf(keptTimes, n));
        }
        InteractionData kept = new InteractionData(data.catalogue(), ids.size(), histories.toArray(int[][]::new));
        return new TimedInteractions(kept, ids, times.toArray(long[][]::new), fieldsRead);
    }

    /**
     * What in this data breaks a mandate's data-use rules: a forbidden field that was read, or an
     * interaction older than the age limit allows. Empty when the data may be trained on; a trainer
     * given timed data checks this instead of refusing every age limit.
     */
    public List<String> violations(DataUseRules rules) {
        List<String> out = new ArrayList<>();
        for (String field : rules.forbiddenAttributes()) {
            if (fieldsRead.contains(field)) out.add("the forbidden field '" + field + "' was read");
        }
        Integer days = rules.maxInteractionAgeDays();
        if (days != null) {
            long cutoff = newestTimestamp() - days * SECONDS_PER_DAY;
            long tooOld = Arrays.stream(timestamps).flatMapToLong(Arrays::stream).filter(t -> t < cutoff).count();
            if (tooOld > 0) out.add(tooOld + " interaction(s) are older than " + days + " days before the newest");
        }
        return out;
    }

    @Override
    public String toString() {
        return "TimedInteractions[" + data + "]";
    }
}

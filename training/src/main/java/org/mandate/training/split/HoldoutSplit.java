package org.mandate.training.split;

import org.mandate.training.data.InteractionData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Strong generalisation split (Liang et al. 2018): training users contribute their full histories;
 * held-out users are never trained on, their history is split into a fold-in part (what the model is
 * shown) and a held-out part (the truth relevance is measured against).
 *
 * @param trainingUsers   user indices trained on, ascending
 * @param heldOutUsers    user indices evaluated, ascending
 * @param foldIn          per held-out user (same order), the items given to the model, sorted
 * @param heldOut         per held-out user, the items to predict, sorted
 * @param seed            the seed the split was drawn with
 */
public record HoldoutSplit(int[] trainingUsers, int[] heldOutUsers, int[][] foldIn, int[][] heldOut, long seed) {

    public HoldoutSplit {
        if (heldOutUsers.length != foldIn.length || heldOutUsers.length != heldOut.length) {
            throw new IllegalArgumentException("one fold-in and one held-out list per held-out user");
        }
    }

    /**
     * Draws {@code heldOutShare} of the users (at least {@code minHeldOut}, at most half) as held-out users
     * and moves a random {@code 1 - foldInShare} of each one's history (at least one item) to the truth.
     */
    public static HoldoutSplit of(InteractionData data, double heldOutShare, int minHeldOut, double foldInShare, long seed) {
        if (!(heldOutShare > 0 && heldOutShare < 1) || !(foldInShare > 0 && foldInShare < 1)) {
            throw new IllegalArgumentException("shares must be in (0, 1)");
        }
        int users = data.userCount();
        int nHeld = Math.min(users / 2, Math.max(minHeldOut, (int) Math.round(users * heldOutShare)));
        SplittableRandom rng = new SplittableRandom(seed);
        int[] perm = permutation(users, rng);
        int[] held = Arrays.copyOf(perm, nHeld);
        Arrays.sort(held);
        int[] train = Arrays.copyOfRange(perm, nHeld, users);
        Arrays.sort(train);
        int[][] foldIn = new int[nHeld][];
        int[][] truth = new int[nHeld][];
        for (int j = 0; j < nHeld; j++) {
            int[] h = data.histories()[held[j]];
            int nTruth = h.length < 2 ? 0 : Math.max(1, (int) Math.round(h.length * (1 - foldInShare)));
            int[] order = permutation(h.length, rng);
            boolean[] isTruth = new boolean[h.length];
            for (int t = 0; t < nTruth; t++) isTruth[order[t]] = true;
            List<Integer> in = new ArrayList<>(), out = new ArrayList<>();
            for (int t = 0; t < h.length; t++) (isTruth[t] ? out : in).add(h[t]);
            foldIn[j] = in.stream().mapToInt(Integer::intValue).toArray();
            truth[j] = out.stream().mapToInt(Integer::intValue).toArray();
        }
        return new HoldoutSplit(train, held, foldIn, truth, seed);
    }

    /** The usual choice: 15 % of users (at least 50) held out, their histories split 80/20. */
    public static HoldoutSplit standard(InteractionData data, long seed) {
        return of(data, 0.15, 50, 0.8, seed);
    }

    /** The training users' interactions: what the model learns from and what popularity is measured on. */
    public InteractionData trainingData(InteractionData data) {
        return data.subset(trainingUsers);
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}

package org.mandate.training.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible public-broadcaster catalogue and audience, built so that the objectives pull
 * against each other: popularity is long-tailed (Zipf-like), in-house programmes are few but heavily
 * watched, so a relevance-only model over-exposes in-house producers; most {@code local} productions
 * are regional; each user has 1-3 favourite genres and a genre- and popularity-biased history, so a
 * personalised model beats a most-popular list. Same config, same data, bit for bit.
 */
public final class SyntheticBroadcaster {

    public static final List<String> PROVIDER_GROUPS = List.of("in-house", "independent", "regional");
    static final List<String> GENRE_NAMES = List.of("news", "drama", "documentary", "comedy", "children", "sport",
            "music", "culture", "science", "history", "entertainment", "regional-life", "education", "religion",
            "crime", "nature");

    /**
     * @param items            catalogue size
     * @param users            audience size
     * @param genres           number of genres (at most 16)
     * @param minHistory       shortest history
     * @param maxHistory       longest history
     * @param zipfExponent     popularity ~ 1 / rank^exponent
     * @param genreLoyalty     probability that a view comes from one of the user's favourite genres
     * @param seed             everything random derives from it
     */
    public record Config(int items, int users, int genres, int minHistory, int maxHistory, double zipfExponent,
                         double genreLoyalty, long seed) {

        public Config {
            if (items < 50) throw new IllegalArgumentException("need at least 50 items");
            if (users < 10) throw new IllegalArgumentException("need at least 10 users");
            if (genres < 2 || genres > GENRE_NAMES.size()) throw new IllegalArgumentException("genres must be in 2.." + GENRE_NAMES.size());
            if (minHistory < 2 || maxHistory < minHistory || maxHistory > items / 2) {
                throw new IllegalArgumentException("history lengths must satisfy 2 <= min <= max <= items/2");
            }
            if (!(genreLoyalty >= 0 && genreLoyalty <= 1)) throw new IllegalArgumentException("genreLoyalty must be in [0, 1]");
        }

        /** The demo scale: 2,000 programmes, 5,000 viewers, 12 genres. */
        public static Config defaults(long seed) {
            return new Config(2_000, 5_000, 12, 8, 120, 1.0, 0.8, seed);
        }

        /**
         * The shape of MovieLens 1M for benchmarks: 3,706 items × 6,040 users with at least 20 views each and
         * about 1M interactions (log-uniform lengths 20..600, mean ≈ 165 as in ML-1M). Genre loyalty 0.7: long
         * histories would otherwise exhaust one to three genres of ~230 items.
         */
        public static Config movieLens1mSize(long seed) {
            return new Config(3_706, 6_040, 16, 20, 600, 1.0, 0.7, seed);
        }

        /**
         * The shape of MovieLens 100K for quality checks: 1,682 items × 943 users, at least 20 views each, about
         * 100K interactions (log-uniform lengths 20..330, mean ≈ 106 as in ML-100K); Zipf popularity and users
         * clustered by their one to three favourite genres.
         */
        public static Config movieLens100kSize(long seed) {
            return new Config(1_682, 943, 16, 20, 330, 1.0, 0.7, seed);
        }

        public Config withSize(int items, int users) {
            return new Config(items, users, genres, minHistory, Math.min(maxHistory, items / 2), zipfExponent, genreLoyalty, seed);
        }
    }

    private SyntheticBroadcaster() {}

    public static InteractionData generate(Config config) {
        SplittableRandom rng = new SplittableRandom(config.seed());
        ItemCatalogue catalogue = catalogue(config, rng);
        double[] appeal = appeal(config, catalogue, rng);
        return new InteractionData(catalogue, config.users(), histories(config, catalogue, appeal, rng));
    }

    private static ItemCatalogue catalogue(Config config, SplittableRandom rng) {
        int n = config.items();
        List<String> ids = new ArrayList<>(n);
        int[] genre = new int[n];
        int[] provider = new int[n];
        boolean[] local = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids.add(String.format("prog-%05d", i));
            genre[i] = rng.nextInt(config.genres());
            double r = rng.nextDouble();
            // In-house: 20 % of the catalogue; independent 45 %; regional 35 %.
            provider[i] = r < 0.20 ? 0 : r < 0.65 ? 1 : 2;
            local[i] = rng.nextDouble() < (provider[i] == 2 ? 0.7 : 0.05);
        }
        return new ItemCatalogue(ids, genre, GENRE_NAMES.subList(0, config.genres()), provider, PROVIDER_GROUPS, local);
    }

    /** Zipf weights assigned by a noisy rank in which in-house programmes are pushed to the head. */
    private static double[] appeal(Config config, ItemCatalogue catalogue, SplittableRandom rng) {
        int n = config.items();
        double[] score = new double[n];
        double[] boost = {1.6, 0.0, -0.4};
        for (int i = 0; i < n; i++) score[i] = gaussian(rng) + boost[catalogue.providerGroup()[i]];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double[] appeal = new double[n];
        for (int rank = 0; rank < n; rank++) appeal[order[rank]] = 1.0 / Math.pow(rank + 1, config.zipfExponent());
        return appeal;
    }

    private static int[][] histories(Config config, ItemCatalogue catalogue, double[] appeal, SplittableRandom rng) {
        int g = config.genres();
        // Cumulative appeal per genre and over the whole catalogue, for sampling by binary search.
        List<int[]> byGenre = new ArrayList<>();
        List<double[]> cumByGenre = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            int kk = k;
            int[] members = java.util.stream.IntStream.range(0, config.items()).filter(i -> catalogue.genre()[i] == kk).toArray();
            byGenre.add(members);
            cumByGenre.add(cumulative(members, appeal));
        }
        int[] all = java.util.stream.IntStream.range(0, config.items()).toArray();
        double[] cumAll = cumulative(all, appeal);

        int[][] histories = new int[config.users()][];
        for (int u = 0; u < config.users(); u++) {
            int favourites = 1 + rng.nextInt(3);
            int[] fav = new int[favourites];
            for (int f = 0; f < favourites; f++) fav[f] = rng.nextInt(g);
            // Log-uniform history length: many light viewers, a few heavy ones.
            double logMin = Math.log(config.minHistory()), logMax = Math.log(config.maxHistory() + 1);
            int length = (int) Math.min(config.maxHistory(), Math.floor(Math.exp(logMin + rng.nextDouble() * (logMax - logMin))));
            boolean[] seen = new boolean[config.items()];
            int count = 0, attempts = 0;
            while (count < length && attempts < length * 50) {
                attempts++;
                int item;
                if (rng.nextDouble() < config.genreLoyalty()) {
                    int k = fav[rng.nextInt(favourites)];
                    int[] members = byGenre.get(k);
                    if (members.length == 0) continue;
                    item = members[sample(cumByGenre.get(k), rng)];
                } else {
                    item = all[sample(cumAll, rng)];
                }
                if (!seen[item]) {
                    seen[item] = true;
                    count++;
                }
            }
            int[] h = new int[count];
            int j = 0;
            for (int i = 0; i < seen.length; i++) if (seen[i]) h[j++] = i;
            histories[u] = h;
        }
        return histories;
    }

    private static double[] cumulative(int[] members, double[] weight) {
        double[] cum = new double[members.length];
        double s = 0;
        for (int j = 0; j < members.length; j++) {
            s += weight[members[j]];
            cum[j] = s;
        }
        return cum;
    }

    private static int sample(double[] cum, SplittableRandom rng) {
        double r = rng.nextDouble() * cum[cum.length - 1];
        int pos = Arrays.binarySearch(cum, r);
        int idx = pos >= 0 ? pos + 1 : -pos - 1;
        return Math.min(idx, cum.length - 1);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller with SplittableRandom, whose sequence is specified, unlike Random#nextGaussian's future.
        double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}

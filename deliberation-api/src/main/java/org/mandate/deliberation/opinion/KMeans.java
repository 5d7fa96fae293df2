package org.mandate.deliberation.opinion;

import java.util.Random;

/**
 * Seeded k-means (k-means++ starts, Lloyd iterations, the best of several restarts by inertia). Small
 * and deterministic: the same points, k and seed always give the same labels.
 */
public final class KMeans {

    private static final int RESTARTS = 10;
    private static final int MAX_ITERATIONS = 100;

    private KMeans() {}

    /** Cluster labels {@code 0..k-1}, one per point; needs {@code 1 <= k <= points.length}. */
    public static int[] cluster(double[][] points, int k, long seed) {
        int n = points.length;
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be between 1 and the number of points, got " + k);
        Random random = new Random(seed);
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
            int[] labels = lloyd(points, seeds(points, k, random));
            double inertia = inertia(points, labels, centroids(points, labels, k));
            if (inertia < bestInertia - 1e-12) {
                bestInertia = inertia;
                best = labels;
            }
        }
        return best;
    }

    /** k-means++: each next centre drawn with probability proportional to squared distance. */
    private static double[][] seeds(double[][] points, int k, Random random) {
        int n = points.length;
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double m = Double.POSITIVE_INFINITY;
                for (int j = 0; j < c; j++) m = Math.min(m, distance2(points[i], centres[j]));
                d2[i] = m;
                total += m;
            }
            int chosen = n - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    target -= d2[i];
                    if (target <= 0) { chosen = i; break; }
                }
            } else {
                chosen = random.nextInt(n);
            }
            centres[c] = points[chosen].clone();
        }
        return centres;
    }

    private static int[] lloyd(double[][] points, double[][] centres) {
        int n = points.length, k = centres.length;
        int[] labels = new int[n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean changed = it == 0;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(points[i], centres);
                if (nearest != labels[i]) { labels[i] = nearest; changed = true; }
            }
            double[][] next = centroids(points, labels, k);
            // An empty cluster takes the point farthest from its own centre, so k groups stay k groups.
            for (int c = 0; c < k; c++) {
                if (next[c] != null) continue;
                int far = 0;
                double farthest = -1;
                for (int i = 0; i < n; i++) {
                    double d = distance2(points[i], next[labels[i]] == null ? centres[labels[i]] : next[labels[i]]);
                    if (d > farthest && size(labels, labels[i]) > 1) { farthest = d; far = i; }
                }
                labels[far] = c;
                next = centroids(points, labels, k);
                changed = true;
                c = -1; // recheck every cluster after the move
            }
            centres = next;
            if (!changed) break;
        }
        return labels;
    }

    private static int size(int[] labels, int cluster) {
        int s = 0;
        for (int l : labels) if (l == cluster) s++;
        return s;
    }

    static double[][] centroids(double[][] points, int[] labels, int k) {
        int dim = points[0].length;
        double[][] sum = new double[k][dim];
        int[] count = new int[k];
        for (int i = 0; i < points.length; i++) {
            count[labels[i]]++;
            for (int j = 0; j < dim; j++) sum[labels[i]][j] += points[i][j];
        }
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) continue;
            out[c] = new double[dim];
            for (int j = 0; j < dim; j++) out[c][j] = sum[c][j] / count[c];
        }
        return out;
    }

    private static double inertia(double[][] points, int[] labels, double[][] centres) {
        double s = 0;
        for (int i = 0; i < points.length; i++) s += distance2(points[i], centres[labels[i]]);
        return s;
    }

    private static int nearest(double[] p, double[][] centres) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = distance2(p, centres[c]);
            if (d < bestD - 1e-15) { bestD = d; best = c; }
        }
        return best;
    }

    static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }
}

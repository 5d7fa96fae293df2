package org.mandate.deliberation.opinion;

/**
 * The mean silhouette of a clustering (Rousseeuw 1987): for each point, (b − a) / max(a, b) where a is
 * its mean distance to its own cluster and b to the nearest other cluster; a point alone in its cluster
 * scores 0. Near 1: tight, well separated groups; near 0: no real structure.
 */
public final class Silhouette {

    private Silhouette() {}

    public static double score(double[][] points, int[] labels, int k) {
        int n = points.length;
        if (k < 2 || n < 2) return 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                sum[labels[j]] += Math.sqrt(KMeans.distance2(points[i], points[j]));
                count[labels[j]]++;
            }
            if (count[labels[i]] == 0) continue; // a singleton contributes 0
            double a = sum[labels[i]] / count[labels[i]];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != labels[i] && count[c] > 0) b = Math.min(b, sum[c] / count[c]);
            if (b == Double.POSITIVE_INFINITY) continue;
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }
}

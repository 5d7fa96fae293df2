package org.mandate.app;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.training.sweep.SweepFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SVG {@code mandate sweep} writes: one scatter panel per swept objective after the first, its metric against
 * the first objective's, every lattice point in grey and the non-dominated ones in colour, joined by a line when two
 * objectives are swept (the trade-off a panel can choose along). Each point's weights are in its tooltip.
 * Self-contained, no script.
 */
final class SweepChart {

    private static final int PANEL = 360, MARGIN = 56, GAP = 24;

    private SweepChart() {}

    static String svg(SweepFile file) {
        String x = file.objectives().getFirst();
        List<String> others = file.objectives().subList(1, file.objectives().size());
        int width = others.size() * (PANEL + GAP) + GAP;
        int height = PANEL + 40;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<title>Weight sweep over %s: %d points, %d non-dominated</title>%n",
                escape(String.join(", ", file.objectives())), file.points().size(),
                file.points().stream().filter(SweepFile.Point::nonDominated).count()));
        for (int j = 0; j < others.size(); j++) {
            panel(s, file, x, others.get(j), GAP + j * (PANEL + GAP), 10);
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void panel(StringBuilder s, SweepFile file, String xId, String yId, int left, int top) {
        double[] xr = range(file, xId), yr = range(file, yId);
        int plot = PANEL - MARGIN;
        int x0 = left + MARGIN, y0 = top + plot;
        s.append(String.format(Locale.ROOT, "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#999\"/>%n",
                x0, top, plot, plot));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s (%s)</text>%n", x0 + plot / 2, y0 + 30,
                escape(file.metricLabels().getOrDefault(xId, xId)), better(xId)));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(%d %d) rotate(-90)\" text-anchor=\"middle\">%s (%s)</text>%n",
                left + 14, top + plot / 2, escape(file.metricLabels().getOrDefault(yId, yId)), better(yId)));
        for (int t = 0; t <= 2; t++) {
            double fx = xr[0] + t * (xr[1] - xr[0]) / 2, fy = yr[0] + t * (yr[1] - yr[0]) / 2;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    px(fx, xr, x0, plot), y0 + 14, tick(fx)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>%n",
                    x0 - 4, py(fy, yr, y0, plot) + 4, tick(fy)));
        }
        List<SweepFile.Point> front = new ArrayList<>(file.points().stream().filter(SweepFile.Point::nonDominated).toList());
        front.sort(Comparator.comparingDouble(p -> p.metrics().get(xId)));
        // A line only joins a two-objective front: with more objectives the front is a surface, and its projection
        // on two of them is not a curve.
        if (front.size() > 1 && file.objectives().size() == 2) {
            String path = front.stream().map(p -> String.format(Locale.ROOT, "%.1f,%.1f", px(p.metrics().get(xId), xr, x0, plot),
                    py(p.metrics().get(yId), yr, y0, plot))).collect(Collectors.joining(" "));
            s.append("<polyline fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"1.5\" points=\"").append(path).append("\"/>\n");
        }
        for (SweepFile.Point p : file.points()) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>%s: %s %.4f, %s %.4f%s</title></circle>%n",
                    px(p.metrics().get(xId), xr, x0, plot), py(p.metrics().get(yId), yr, y0, plot), p.nonDominated() ? 5 : 3,
                    p.nonDominated() ? "#1f6fb2" : "#bbb", escape(weights(p)), escape(xId), p.metrics().get(xId), escape(yId),
                    p.metrics().get(yId), p.nonDominated() ? " (non-dominated)" : ""));
        }
        s.append("</g>\n");
    }

    private static String better(String id) {
        return Catalogue.find(id).map(o -> o.direction() == Direction.MAXIMISE ? "↑ better" : "↓ better").orElse("");
    }

    private static String weights(SweepFile.Point p) {
        return p.weights().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Min and max of the metric over all points, widened a little (and away from zero width). */
    private static double[] range(SweepFile file, String id) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SweepFile.Point p : file.points()) {
            lo = Math.min(lo, p.metrics().get(id));
            hi = Math.max(hi, p.metrics().get(id));
        }
        double pad = hi > lo ? 0.06 * (hi - lo) : Math.max(1e-6, Math.abs(hi) * 0.05);
        return new double[]{lo - pad, hi + pad};
    }

    private static double px(double v, double[] r, int x0, int plot) {
        return x0 + plot * (v - r[0]) / (r[1] - r[0]);
    }

    private static double py(double v, double[] r, int y0, int plot) {
        return y0 - plot * (v - r[0]) / (r[1] - r[0]);
    }

    private static String tick(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

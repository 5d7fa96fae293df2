package org.mandate.audit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.mandate.audit.report.Html.coord;
import static org.mandate.audit.report.Html.esc;

/**
 * A horizontal grouped bar chart as a standalone SVG string: one group per category (objective), one bar
 * per series, all on one percentage axis from -100 % (or 0 %) to +100 %. Values beyond the axis are
 * clipped and marked, and every bar carries its exact value as text, so the chart never relies on colour
 * or bar length alone. {@code <title>}/{@code <desc>} give screen readers the text alternative.
 *
 * <p>No library: the output is plain SVG 1.1 that parses as XML.
 */
public record SvgBarChart(String id, String title, String description, List<Series> series, List<Group> groups) {

    /** A series and the colour of its bars (must contrast with white: 3:1 or more for graphics). */
    public record Series(String name, String colour) {}

    /**
     * One category. {@code values} are shares (1.0 = 100 %), one per series, null for "no value";
     * {@code labels} the text printed at the end of each bar.
     */
    public record Group(String label, List<Double> values, List<String> labels) {
        public Group {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
            labels = List.copyOf(labels);
            if (values.size() != labels.size()) throw new IllegalArgumentException("one label per value");
        }
    }

    private static final int WIDTH = 760, LABEL_W = 200, RIGHT_PAD = 110, BAR_H = 18, BAR_GAP = 4,
            GROUP_GAP = 16, TOP = 40, AXIS_H = 44;

    public SvgBarChart {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) throw new IllegalArgumentException("chart id must be an XML name: " + id);
        series = List.copyOf(series);
        groups = List.copyOf(groups);
        for (Group g : groups) {
            if (g.values().size() != series.size()) throw new IllegalArgumentException("group " + g.label() + " needs one value per series");
        }
    }

    public String render() {
        boolean negative = groups.stream().flatMap(g -> g.values().stream()).anyMatch(v -> v != null && v < 0);
        double lo = negative ? -1 : 0, hi = 1;
        double plotX = LABEL_W, plotW = WIDTH - LABEL_W - RIGHT_PAD;
        int groupH = series.size() * (BAR_H + BAR_GAP) - BAR_GAP;
        int legendH = 24;
        int height = TOP + groups.size() * (groupH + GROUP_GAP) + AXIS_H + legendH;
        java.util.function.DoubleUnaryOperator x = v -> plotX + (v - lo) / (hi - lo) * plotW;

        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"")
                .append(" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\">\n");
        s.append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>\n");
        s.append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");

        // Grid and tick labels every 25 %.
        double axisY = TOP + groups.size() * (groupH + GROUP_GAP) - GROUP_GAP / 2.0;
        for (int t = (int) (lo * 4); t <= (int) (hi * 4); t++) {
            double v = t / 4.0, gx = x.applyAsDouble(v);
            s.append("<line x1=\"").append(coord(gx)).append("\" y1=\"").append(TOP - 8).append("\" x2=\"").append(coord(gx))
                    .append("\" y2=\"").append(coord(axisY)).append("\" stroke=\"").append(v == 0 ? "#1a1a1a" : "#c8c8c8")
                    .append("\" stroke-width=\"").append(v == 0 ? "1.5" : "1").append("\"/>\n");
            s.append("<text x=\"").append(coord(gx)).append("\" y=\"").append(coord(axisY + 16))
                    .append("\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(Math.round(v * 100)).append(" %</text>\n");
        }

        int y = TOP;
        for (Group g : groups) {
            s.append("<g>\n");
            List<String> lines = wrap(g.label(), 22);
            double firstLine = y + groupH / 2.0 + 4 - (lines.size() - 1) * 8;
            s.append("<text x=\"").append(LABEL_W - 10).append("\" y=\"").append(coord(firstLine))
                    .append("\" text-anchor=\"end\" font-weight=\"600\" fill=\"#1a1a1a\">");
            for (int l = 0; l < lines.size(); l++) {
                s.append("<tspan x=\"").append(LABEL_W - 10).append("\" dy=\"").append(l == 0 ? "0" : "16").append("\">")
                        .append(esc(lines.get(l))).append("</tspan>");
            }
            s.append("</text>\n");
            for (int i = 0; i < series.size(); i++) {
                Double v = g.values().get(i);
                int by = y + i * (BAR_H + BAR_GAP);
                String label = g.labels().get(i);
                if (v == null || !Double.isFinite(v)) {
                    s.append("<text x=\"").append(coord(x.applyAsDouble(0) + 4)).append("\" y=\"").append(by + BAR_H - 5)
                            .append("\" fill=\"#1a1a1a\">").append(esc(label.isEmpty() ? "n/a" : label)).append("</text>\n");
                    continue;
                }
                double clipped = Math.max(lo, Math.min(hi, v));
                double x0 = x.applyAsDouble(Math.min(0, clipped)), x1 = x.applyAsDouble(Math.max(0, clipped));
                String text = label + (clipped != v ? " (clipped)" : "");
                s.append("<rect x=\"").append(coord(x0)).append("\" y=\"").append(by).append("\" width=\"")
                        .append(coord(Math.max(x1 - x0, 1))).append("\" height=\"").append(BAR_H).append("\" fill=\"")
                        .append(esc(series.get(i).colour())).append("\"><title>").append(esc(series.get(i).name() + ", " + g.label() + ": " + text))
                        .append("</title></rect>\n");
                // Labels sit beyond the bar's end; a clipped bar spans the whole half-axis, so its label goes
                // inside it (white on the bar) instead of running off the chart or over the row labels.
                boolean left = clipped < 0, inside = clipped != v;
                double tx = inside ? (left ? x0 + 4 : x1 - 4) : (left ? x0 - 4 : x1 + 4);
                s.append("<text x=\"").append(coord(tx)).append("\" y=\"").append(by + BAR_H - 5).append("\" text-anchor=\"")
                        .append(left != inside ? "end" : "start").append("\" fill=\"").append(inside ? "#ffffff" : "#1a1a1a")
                        .append("\">").append(esc(text)).append("</text>\n");
            }
            s.append("</g>\n");
            y += groupH + GROUP_GAP;
        }

        // Legend: a swatch and the series name, so colour is always named.
        double ly = axisY + AXIS_H - 6, lx = plotX;
        for (Series se : series) {
            s.append("<rect x=\"").append(coord(lx)).append("\" y=\"").append(coord(ly - 11)).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(esc(se.colour())).append("\"/>\n");
            s.append("<text x=\"").append(coord(lx + 20)).append("\" y=\"").append(coord(ly)).append("\" fill=\"#1a1a1a\">")
                    .append(esc(se.name())).append("</text>\n");
            lx += 30 + 7.5 * se.name().length();
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Greedy word wrap: SVG 1.1 text does not wrap, and long objective names would run off the left edge. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}

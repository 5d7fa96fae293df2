package org.mandate.audit.report;

import java.util.List;
import java.util.Objects;

import static org.mandate.audit.report.Html.coord;
import static org.mandate.audit.report.Html.esc;

/**
 * The voted weights as horizontal bars with their bootstrap confidence interval drawn as a whisker, so a
 * reader sees at a glance which weights the panel pinned down and which a slightly different panel could
 * have moved. Every bar carries its numbers as text; {@code <title>}/{@code <desc>} give the text
 * alternative. Plain SVG 1.1 that parses as XML.
 */
record SvgWeightChart(String id, String title, String description, List<Row> rows) {

    /** One objective: its weight and interval (null bounds: no interval) and the label printed after the whisker. */
    record Row(String name, double weight, Double lower, Double upper, String label) {
        Row {
            Objects.requireNonNull(name, "name");
            if ((lower == null) != (upper == null)) throw new IllegalArgumentException("an interval needs both ends");
        }
    }

    private static final int WIDTH = 760, LABEL_W = 240, RIGHT_PAD = 180, ROW_H = 30, BAR_H = 16, TOP = 16, AXIS_H = 30;

    SvgWeightChart {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) throw new IllegalArgumentException("chart id must be an XML name: " + id);
        rows = List.copyOf(rows);
    }

    String render() {
        double max = 0.25;
        for (Row r : rows) max = Math.max(max, Math.max(r.weight(), r.upper() == null ? 0 : r.upper()));
        double hi = Math.min(1, Math.ceil(max * 4) / 4); // the axis ends at the next 25 % mark
        double plotW = WIDTH - LABEL_W - RIGHT_PAD;
        int height = TOP + rows.size() * ROW_H + AXIS_H;
        java.util.function.DoubleUnaryOperator x = v -> LABEL_W + Math.max(0, Math.min(hi, v)) / hi * plotW;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\">\n")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>\n")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        double axisY = TOP + rows.size() * ROW_H;
        for (int t = 0; t <= Math.round(hi * 4); t++) {
            double v = t / 4.0, gx = x.applyAsDouble(v);
            s.append("<line x1=\"").append(coord(gx)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(coord(gx)).append("\" y2=\"")
                    .append(coord(axisY)).append("\" stroke=\"").append(t == 0 ? "#1a1a1a" : "#c8c8c8").append("\"/>\n")
                    .append("<text x=\"").append(coord(gx)).append("\" y=\"").append(coord(axisY + 18)).append("\" text-anchor=\"middle\" fill=\"#1a1a1a\">")
                    .append(Math.round(v * 100)).append(" %</text>\n");
        }
        int y = TOP;
        for (Row r : rows) {
            double barY = y + (ROW_H - BAR_H) / 2.0, mid = barY + BAR_H / 2.0;
            s.append("<g>\n<text x=\"").append(LABEL_W - 10).append("\" y=\"").append(coord(mid + 4)).append("\" text-anchor=\"end\" font-weight=\"600\" fill=\"#1a1a1a\">")
                    .append(esc(r.name())).append("</text>\n")
                    .append("<rect x=\"").append(LABEL_W).append("\" y=\"").append(coord(barY)).append("\" width=\"")
                    .append(coord(Math.max(1, x.applyAsDouble(r.weight()) - LABEL_W))).append("\" height=\"").append(BAR_H).append("\" fill=\"")
                    .append(ReportHtml.WEIGHT_COLOUR).append("\"><title>").append(esc(r.name() + ": " + r.label())).append("</title></rect>\n");
            double end = x.applyAsDouble(r.weight());
            if (r.lower() != null) {
                double lo = x.applyAsDouble(r.lower()), up = x.applyAsDouble(r.upper());
                // Dark whisker with caps, drawn over the bar: visible whether the interval lies inside or beyond it.
                s.append("<line x1=\"").append(coord(lo)).append("\" y1=\"").append(coord(mid)).append("\" x2=\"").append(coord(up)).append("\" y2=\"")
                        .append(coord(mid)).append("\" stroke=\"").append(ReportHtml.CHANGE_COLOUR).append("\" stroke-width=\"2.5\"/>\n");
                for (double cap : new double[]{lo, up}) {
                    s.append("<line x1=\"").append(coord(cap)).append("\" y1=\"").append(coord(mid - 8)).append("\" x2=\"").append(coord(cap))
                            .append("\" y2=\"").append(coord(mid + 8)).append("\" stroke=\"").append(ReportHtml.CHANGE_COLOUR).append("\" stroke-width=\"2.5\"/>\n");
                }
                end = Math.max(end, up);
            }
            s.append("<text x=\"").append(coord(end + 8)).append("\" y=\"").append(coord(mid + 4)).append("\" fill=\"#1a1a1a\">").append(esc(r.label()))
                    .append("</text>\n</g>\n");
            y += ROW_H;
        }
        return s.append("</svg>\n").toString();
    }
}

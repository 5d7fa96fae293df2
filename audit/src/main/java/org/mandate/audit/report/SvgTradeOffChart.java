package org.mandate.audit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import static org.mandate.audit.report.Html.coord;
import static org.mandate.audit.report.Html.esc;

/**
 * A trade-off curve as standalone SVG: the sweep's points joined in order, the voted run drawn larger and
 * labelled, both axes with their range printed. The page's table beside it carries every number, so the
 * chart never carries information alone. Plain SVG 1.1 that parses as XML.
 */
final class SvgTradeOffChart {

    private static final int WIDTH = 520, HEIGHT = 360, LEFT = 70, RIGHT = 20, TOP = 30, BOTTOM = 60;

    private SvgTradeOffChart() {}

    static String render(String id, TradeOffCurve curve, String xLabel, String yLabel, String votedLabel, Locale locale) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        List<TradeOffCurve.Point> all = new ArrayList<>(curve.points());
        if (curve.voted() != null) all.add(curve.voted());
        for (TradeOffCurve.Point p : all) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        if (maxX == minX) maxX = minX + 1;
        if (maxY == minY) maxY = minY + 1;
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        final double x0 = minX, xs = plotW / (maxX - minX), y0 = minY, ys = plotH / (maxY - minY);
        DoubleUnaryOperator px = v -> LEFT + (v - x0) * xs;
        DoubleUnaryOperator py = v -> TOP + plotH - (v - y0) * ys;

        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"").append(id).append("-title\">\n")
                .append("<title id=\"").append(id).append("-title\">").append(esc(yLabel)).append(" / ").append(esc(xLabel)).append("</title>\n");
        // Axes.
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(coord(TOP + plotH)).append("\" x2=\"").append(coord(LEFT + plotW))
                .append("\" y2=\"").append(coord(TOP + plotH)).append("\" stroke=\"#333\"/>\n")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(coord(TOP + plotH)).append("\" stroke=\"#333\"/>\n");
        s.append("<text x=\"").append(LEFT).append("\" y=\"").append(coord(TOP + plotH + 18)).append("\" font-size=\"12\">")
                .append(esc(Html.number(minX, locale))).append("</text>\n")
                .append("<text x=\"").append(coord(LEFT + plotW)).append("\" y=\"").append(coord(TOP + plotH + 18))
                .append("\" font-size=\"12\" text-anchor=\"end\">").append(esc(Html.number(maxX, locale))).append("</text>\n")
                .append("<text x=\"").append(coord(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 14)
                .append("\" font-size=\"13\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>\n")
                .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(coord(TOP + plotH)).append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(esc(Html.number(minY, locale))).append("</text>\n")
                .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4).append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(esc(Html.number(maxY, locale))).append("</text>\n")
                .append("<text x=\"14\" y=\"").append(coord(TOP + plotH / 2)).append("\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(coord(TOP + plotH / 2)).append(")\">").append(esc(yLabel)).append("</text>\n");
        // The sweep, in the order given.
        s.append("<polyline fill=\"none\" stroke=\"#4a5a6a\" stroke-width=\"1.5\" points=\"");
        for (TradeOffCurve.Point p : curve.points()) s.append(coord(px.applyAsDouble(p.x()))).append(',').append(coord(py.applyAsDouble(p.y()))).append(' ');
        s.setLength(s.length() - 1);
        s.append("\"/>\n");
        for (TradeOffCurve.Point p : curve.points()) {
            s.append("<circle cx=\"").append(coord(px.applyAsDouble(p.x()))).append("\" cy=\"").append(coord(py.applyAsDouble(p.y())))
                    .append("\" r=\"4\" fill=\"#4a5a6a\"><title>").append(esc(p.label())).append("</title></circle>\n");
        }
        if (curve.voted() != null) {
            double vx = px.applyAsDouble(curve.voted().x()), vy = py.applyAsDouble(curve.voted().y());
            s.append("<circle cx=\"").append(coord(vx)).append("\" cy=\"").append(coord(vy))
                    .append("\" r=\"8\" fill=\"#b3261e\" stroke=\"#fff\" stroke-width=\"2\"><title>").append(esc(votedLabel)).append("</title></circle>\n")
                    // A label right of a point in the right half would run past the edge: put it on the left there.
                    .append("<text x=\"").append(coord(vx < WIDTH / 2.0 ? vx + 12 : vx - 12)).append("\" y=\"").append(coord(vy - 10))
                    .append("\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"").append(vx < WIDTH / 2.0 ? "start" : "end").append("\">")
                    .append(esc(votedLabel)).append("</text>\n");
        }
        return s.append("</svg>\n").toString();
    }
}

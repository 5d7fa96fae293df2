package org.mandate.deliberation.web;

import org.mandate.deliberation.opinion.OpinionMap;
import org.mandate.deliberation.opinion.ParticipantPosition;

import java.util.ArrayList;
import java.util.List;

/**
 * The opinion map as an inline SVG scatter: participants' PCA coordinates fitted into a square
 * viewBox, one colour per group. The palette is Okabe–Ito (distinguishable with colour-blindness) and
 * every group also has its own marker label in the legend, so colour is never the only cue.
 */
public record MapPlot(int size, List<Dot> dots) {

    public static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"};
    private static final int SIZE = 320;
    private static final int MARGIN = 24;

    /** One or more participants at the same spot (they voted alike); {@code r} grows with {@code count}. */
    public record Dot(double cx, double cy, int group, String colour, boolean you, int count, double r) {}

    public static MapPlot of(OpinionMap map, String viewer) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (ParticipantPosition p : map.participants()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        // one scale for both axes keeps distances honest; a degenerate spread is centred
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9);
        double scale = (SIZE - 2.0 * MARGIN) / span;
        double offX = (SIZE - (maxX - minX) * scale) / 2, offY = (SIZE - (maxY - minY) * scale) / 2;
        // participants who voted alike share a spot: draw them as one dot sized by their number
        java.util.Map<String, Dot> merged = new java.util.LinkedHashMap<>();
        for (ParticipantPosition p : map.participants()) {
            double cx = round(offX + (p.x() - minX) * scale);
            double cy = round(SIZE - (offY + (p.y() - minY) * scale)); // SVG's y axis points down
            boolean you = p.voterId().equals(viewer);
            merged.merge(cx + "," + cy + "," + p.group(), new Dot(cx, cy, p.group(), colour(p.group()), you, 1, radius(1)),
                    (a, b) -> new Dot(a.cx(), a.cy(), a.group(), a.colour(), a.you() || b.you(), a.count() + 1, radius(a.count() + 1)));
        }
        return new MapPlot(SIZE, new ArrayList<>(merged.values()));
    }

    private static double radius(int count) {
        return round(6 + 3 * Math.sqrt(count - 1));
    }

    public static String colour(int group) {
        return PALETTE[Math.floorMod(group, PALETTE.length)];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

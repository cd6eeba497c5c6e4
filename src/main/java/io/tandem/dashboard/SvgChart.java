package io.tandem.dashboard;

import io.tandem.stats.StatsView;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn on the server as SVG: crisp at any size, and readable by a screen reader (a title and a
 * description name what is drawn; the page gives the same figures as a table). The {@code <5} rule of
 * {@code /stats} holds in the picture: a figure of 1 to 4 is drawn as a pale bar up to 5 marked "&lt;5", so neither
 * its height nor its label tells the number. Every text is escaped.
 */
final class SvgChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int RIGHT = 10;
    private static final int TOP = 20;
    private static final int BOTTOM = 60;
    static final String[] COLOURS = {"#4b3ca7", "#a04d00"};
    static final String[] PALE = {"#c9c3ea", "#f2cfae"};

    private SvgChart() {}

    /** One series: its name and one value per category. */
    record Series(String name, List<Long> values) {}

    /**
     * Vertical bars, one group per category, one bar per series (at most two).
     *
     * @param id a page-unique id for the title and description
     */
    static String bars(String id, String title, String description, List<String> categories, List<Series> series) {
        long max = 5;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, shown(v));
            }
        }
        long top = niceTop(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int n = Math.max(1, categories.size());
        double slot = (double) plotW / n;
        double barW = Math.min(40, slot * 0.8 / Math.max(1, series.size()));
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        // the axis: four lines, labelled
        for (int i = 0; i <= 4; i++) {
            long value = top * i / 4;
            double y = TOP + plotH - (double) plotH * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%d</text>",
                    LEFT,
                    WIDTH - RIGHT,
                    y,
                    y,
                    LEFT - 6,
                    y + 4,
                    value));
        }
        for (int c = 0; c < categories.size(); c++) {
            double groupX = LEFT + slot * c + (slot - barW * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                long v = series.get(s).values().get(c);
                long drawn = shown(v);
                double h = (double) plotH * drawn / top;
                double x = groupX + barW * s;
                double y = TOP + plotH - h;
                boolean few = v > 0 && v < 5;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x,
                        y,
                        Math.max(1, barW - 2),
                        h,
                        few ? PALE[s % 2] : COLOURS[s % 2]));
                if (v > 0) {
                    svg.append(String.format(
                                    Locale.ROOT,
                                    "<text x=\"%.1f\" y=\"%.1f\" class=\"value\" text-anchor=\"middle\">",
                                    x + barW / 2 - 1,
                                    y - 4))
                            .append(escape(StatsView.count(v)))
                            .append("</text>");
                }
            }
            svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" class=\"label\" text-anchor=\"end\""
                                    + " transform=\"rotate(-30 %.1f %d)\">",
                            LEFT + slot * c + slot / 2,
                            HEIGHT - BOTTOM + 16,
                            LEFT + slot * c + slot / 2,
                            HEIGHT - BOTTOM + 16))
                    .append(escape(shorten(categories.get(c))))
                    .append("</text>");
        }
        // the legend, when there is more than one series
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                int x = LEFT + 160 * s;
                svg.append(String.format(
                                Locale.ROOT,
                                "<rect x=\"%d\" y=\"2\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                                        + "<text x=\"%d\" y=\"12\" class=\"legend\">",
                                x,
                                COLOURS[s % 2],
                                x + 16))
                        .append(escape(series.get(s).name()))
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** What a bar shows: 1 to 4 drawn as 5. */
    static long shown(long v) {
        return v > 0 && v < 5 ? 5 : Math.max(0, v);
    }

    private static long niceTop(long max) {
        long step = 1;
        while (step * 4 < max) {
            step = step < 5 ? step + 1 : step * 2;
        }
        return step * 4;
    }

    private static String shorten(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

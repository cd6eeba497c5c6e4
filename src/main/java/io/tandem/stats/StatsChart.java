package io.tandem.stats;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import io.tandem.engine.Messages;
import io.tandem.mentoring.ProfileView;

/**
 * The {@code /stats} chart, drawn on the server as one PNG: sessions per week over the last twelve weeks, and the
 * most wanted skills against how many can teach them. Small figures are drawn as they are (a bar has no
 * name on it); the text around the chart applies the "&lt;5" rule.
 */
final class StatsChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 360;
    private static final Color ACCENT = new Color(0x4B, 0x3C, 0xA7);
    private static final Color SECOND = new Color(0xE0, 0x8A, 0x2E);

    private StatsChart() {
    }

    static byte[] png(StatsReport r, Messages m, ProfileView view) {
        CategoryChart weeks = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(m.get("stats.chart.weeks")).build();
        style(weeks);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", m.language().locale());
        List<String> labels = r.weeks().stream().map(w -> day.format(w.start())).toList();
        List<Long> counts = r.weeks().stream().map(StatsReport.Week::sessions).toList();
        weeks.addSeries(m.get("stats.chart.sessions"), labels, counts).setFillColor(ACCENT);
        weeks.getStyler().setLegendVisible(false);

        CategoryChart demand = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(m.get("stats.chart.demand")).build();
        style(demand);
        List<StatsReport.Demand> shown = r.demand().isEmpty()
                ? List.of(new StatsReport.Demand("—", 0, 0)) : r.demand();
        List<String> skills = shown.stream().map(d -> d.skill().equals("—") ? "—"
                : shorten(view.skill(d.skill(), m.language()))).toList();
        demand.addSeries(m.get("stats.chart.learners"), skills, shown.stream().map(StatsReport.Demand::learners).toList())
                .setFillColor(SECOND);
        demand.addSeries(m.get("stats.chart.teachers"), skills, shown.stream().map(StatsReport.Demand::teachers).toList())
                .setFillColor(ACCENT);
        demand.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT * 2);
            weeks.paint(g, WIDTH, HEIGHT);
            g.translate(0, HEIGHT);
            demand.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void style(CategoryChart chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setAvailableSpaceFill(0.6);
    }

    private static String shorten(String name) {
        return name.length() <= 18 ? name : name.substring(0, 17) + "…";
    }
}

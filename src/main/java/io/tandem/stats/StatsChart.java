package io.tandem.stats;

import io.tandem.engine.Messages;
import io.tandem.profiles.ProfileView;
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

/**
 * The {@code /stats} chart, drawn on the server as one PNG: sessions per week over the last twelve weeks, and the
 * most wanted skills against how many can teach them. The "&lt;5" rule of the text holds in the picture too: a
 * figure of 1 to 4 is never drawn as itself but as a pale bar up to 5 in a series of its own, named "fewer than
 * 5", so neither its height nor the axis tells the exact number. Skill names are shortened and slanted so that
 * ten of them never overlap.
 */
final class StatsChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 360;
    private static final Color ACCENT = new Color(0x4B, 0x3C, 0xA7);
    private static final Color SECOND = new Color(0xE0, 0x8A, 0x2E);
    private static final Color ACCENT_FEW = new Color(0xC9, 0xC3, 0xEA);
    private static final Color SECOND_FEW = new Color(0xF5, 0xD6, 0xB3);

    private StatsChart() {}

    /** One series of bars, as it is drawn. */
    record Series(String name, List<Long> values, Color colour) {}

    /** One chart's bars, as they are drawn: what a reader of the picture can learn, and no more. */
    record Bars(String title, List<String> categories, List<Series> series) {}

    /** Sessions per week: exact figures, and the weeks with 1 to 4 as "fewer than 5". */
    static Bars weeks(StatsReport r, Messages m) {
        DateTimeFormatter day =
                DateTimeFormatter.ofPattern("d MMM", m.language().locale());
        List<String> labels = r.weeks().stream().map(w -> day.format(w.start())).toList();
        List<Long> counts = r.weeks().stream().map(StatsReport.Week::sessions).toList();
        String name = m.get("stats.chart.sessions");
        return new Bars(
                m.get("stats.chart.weeks"),
                labels,
                List.of(
                        new Series(name, exact(counts), ACCENT),
                        new Series(m.get("stats.chart.fewer", name), masked(counts), ACCENT_FEW)));
    }

    /** The most wanted skills: learners and teachers, each exact or "fewer than 5". */
    static Bars demand(StatsReport r, Messages m, ProfileView view) {
        List<StatsReport.Demand> shown = r.demand().isEmpty() ? List.of(new StatsReport.Demand("—", 0, 0)) : r.demand();
        List<String> skills = shown.stream()
                .map(d -> d.skill().equals("—") ? "—" : shorten(view.skill(d.skill(), m.language())))
                .toList();
        List<Long> learners = shown.stream().map(StatsReport.Demand::learners).toList();
        List<Long> teachers = shown.stream().map(StatsReport.Demand::teachers).toList();
        String learn = m.get("stats.chart.learners");
        String teach = m.get("stats.chart.teachers");
        return new Bars(
                m.get("stats.chart.demand"),
                skills,
                List.of(
                        new Series(learn, exact(learners), SECOND),
                        new Series(m.get("stats.chart.fewer", learn), masked(learners), SECOND_FEW),
                        new Series(teach, exact(teachers), ACCENT),
                        new Series(m.get("stats.chart.fewer", teach), masked(teachers), ACCENT_FEW)));
    }

    /** The figures drawn as themselves: 0 and 5 or more. */
    static List<Long> exact(List<Long> figures) {
        return figures.stream().map(n -> few(n) ? 0L : n).toList();
    }

    /** The figures drawn as "fewer than 5": a bar up to 5, whatever the figure from 1 to 4. */
    static List<Long> masked(List<Long> figures) {
        return figures.stream().map(n -> few(n) ? (long) StatsView.FEWEST : 0L).toList();
    }

    private static boolean few(long n) {
        return n > 0 && n < StatsView.FEWEST;
    }

    static byte[] png(StatsReport r, Messages m, ProfileView view) {
        CategoryChart weeks = chart(weeks(r, m));
        weeks.getStyler().setOverlapped(true); // a week has one bar: exact or "fewer than 5"
        weeks.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        CategoryChart demand = chart(demand(r, m, view));
        demand.getStyler().setXAxisLabelRotation(45);
        demand.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);

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

    private static CategoryChart chart(Bars bars) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(bars.title())
                .build();
        style(chart);
        for (Series s : bars.series()) {
            chart.addSeries(s.name(), bars.categories(), s.values()).setFillColor(s.colour());
        }
        return chart;
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

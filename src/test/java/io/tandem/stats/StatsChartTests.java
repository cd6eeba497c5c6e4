package io.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.profiles.ProfileView;
import io.tandem.skills.SkillCatalog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The {@code /stats} chart draws no figure from 1 to 4 as itself, as the text around it says "&lt;5". */
class StatsChartTests {

    private static final List<Long> WEEKS = List.of(0L, 1L, 2L, 3L, 4L, 5L, 12L);

    static StatsReport report() {
        List<StatsReport.Week> weeks = IntStream.range(0, WEEKS.size())
                .mapToObj(i -> new StatsReport.Week(LocalDate.of(2026, 1, 5).plusWeeks(i), WEEKS.get(i)))
                .toList();
        List<StatsReport.Demand> demand = List.of(
                new StatsReport.Demand("seo", 12, 3),
                new StatsReport.Demand("negotiation", 4, 0),
                new StatsReport.Demand("data-analysis", 2, 1),
                new StatsReport.Demand("public-speaking", 7, 5),
                new StatsReport.Demand("a-skill-with-a-rather-long-name", 1, 4));
        return new StatsReport(
                Period.QUARTER,
                null,
                40,
                0,
                6,
                1,
                12,
                8,
                2,
                2,
                null,
                10,
                6,
                5,
                1,
                null,
                6,
                5,
                6,
                4.0,
                5,
                6,
                5,
                null,
                1,
                5,
                20,
                6,
                demand,
                List.of(),
                weeks,
                List.of());
    }

    static ProfileView view() {
        try (Reader taxonomy = new InputStreamReader(
                StatsChartTests.class.getResourceAsStream("/skills/taxonomy.txt"), StandardCharsets.UTF_8)) {
            return new ProfileView(SkillCatalog.load(taxonomy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> drawn(StatsChart.Bars bars) {
        return bars.series().stream().flatMap(s -> s.values().stream()).toList();
    }

    @Test
    void drawsNoFigureUnderFiveAsItself() {
        Messages m = Messages.of(Language.EN);
        StatsChart.Bars weeks = StatsChart.weeks(report(), m);
        StatsChart.Bars demand = StatsChart.demand(report(), m, view());
        assertThat(drawn(weeks)).noneMatch(n -> n > 0 && n < 5);
        assertThat(drawn(demand)).noneMatch(n -> n > 0 && n < 5);

        assertThat(weeks.series())
                .extracting(StatsChart.Series::name)
                .containsExactly("Sessions", "Sessions: fewer than 5");
        assertThat(weeks.series().get(0).values()).containsExactly(0L, 0L, 0L, 0L, 0L, 5L, 12L);
        assertThat(weeks.series().get(1).values()).containsExactly(0L, 5L, 5L, 5L, 5L, 0L, 0L);
        assertThat(demand.series())
                .extracting(StatsChart.Series::name)
                .containsExactly(
                        "Want to learn", "Want to learn: fewer than 5", "Can teach", "Can teach: fewer than 5");
        assertThat(demand.series().get(0).values()).containsExactly(12L, 0L, 0L, 7L, 0L);
        assertThat(demand.series().get(1).values()).containsExactly(0L, 5L, 5L, 0L, 5L);
        assertThat(demand.series().get(2).values()).containsExactly(0L, 0L, 0L, 5L, 0L);
        assertThat(demand.series().get(3).values()).containsExactly(5L, 0L, 5L, 0L, 5L);
    }

    @Test
    void keepsSkillLabelsShortAndDrawsTheWholePicture() throws IOException {
        Messages fr = Messages.of(Language.FR);
        StatsChart.Bars demand = StatsChart.demand(report(), fr, view());
        assertThat(demand.categories())
                .hasSize(5)
                .allSatisfy(label -> assertThat(label.length()).isLessThanOrEqualTo(18));
        assertThat(demand.series().get(1).name()).isEqualTo("Veulent apprendre : moins de 5");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(StatsChart.png(report(), fr, view())));
        assertThat(picture.getWidth()).isEqualTo(StatsChart.WIDTH);
        assertThat(picture.getHeight()).isEqualTo(2 * StatsChart.HEIGHT);
    }
}

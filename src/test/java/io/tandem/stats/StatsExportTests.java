package io.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.CsvCells;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** No cell of {@code /stats export} can run as a spreadsheet formula, whatever skill members typed. */
class StatsExportTests {

    private static final List<String> FORMULAS = List.of("+1+1", "=cmd|' /C calc'!A0", "@x", "-2", "\tx", "\rx");

    private static StatsReport report(List<String> skills) {
        List<StatsReport.Demand> demand =
                skills.stream().map(s -> new StatsReport.Demand(s, 7, 2)).toList();
        List<StatsReport.PairActivity> pairs = skills.stream()
                .map(s -> new StatsReport.PairActivity(
                        "a1b2c3", Set.of(s), LocalDate.of(2026, 3, 2), "active", false, 1, 1, 0))
                .toList();
        return new StatsReport(
                Period.MONTH,
                skills.get(0),
                10,
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
                List.of(),
                pairs);
    }

    private static List<CSVRecord> rows(StatsReport r) throws IOException {
        String csv = new String(StatsExport.csv(r, Messages.of(Language.EN), null), StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void neutralisesEveryCellThatASpreadsheetWouldRun() throws IOException {
        List<String> cells = rows(report(FORMULAS)).stream()
                .flatMap(r -> r.toList().stream())
                .toList();
        assertThat(cells).noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0);
        assertThat(cells)
                .contains(
                        "'+1+1",
                        "'=cmd|' /C calc'!A0",
                        "'@x",
                        "'-2",
                        "'\tx",
                        "'\rx",
                        "'+1+1:want_to_learn",
                        "'@x:can_teach");
    }

    @Test
    void leavesOrdinaryCellsAsTheyAre() throws IOException {
        List<CSVRecord> rows = rows(report(List.of("seo", "c++")));
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsExactly("demand", "c++:want_to_learn", "7"));
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsExactly("requests", "sent", "12"));
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsExactly("requests", "declined", "<5"));
        assertThat(CsvCells.safe((Object) null)).isNull();
        assertThat(CsvCells.safe(12L)).isEqualTo(12L);
        assertThat(CsvCells.safe("a=b")).isEqualTo("a=b");
    }
}

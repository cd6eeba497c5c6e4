package io.tandem.stats;

import io.tandem.engine.CsvCells;
import io.tandem.engine.Messages;
import io.tandem.profiles.ProfileView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code /stats export} as CSV: the same figures as {@code /stats} (small ones hidden the same way), then each
 * pair's activity by a short pair id, without names, feedback or anything else anyone wrote. No cell can run as a
 * spreadsheet formula ({@link CsvCells}).
 */
final class StatsExport {

    private StatsExport() {}

    static byte[] csv(StatsReport r, Messages m, ProfileView view) {
        Locale l = m.language().locale();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            row(csv, "section", "figure", "value");
            String scope = r.skill() == null ? "" : r.skill();
            row(csv, "scope", "period", r.period().name().toLowerCase(Locale.ROOT));
            row(csv, "scope", "skill", scope);
            row(csv, "people", "active_members", StatsView.count(r.members()));
            row(csv, "people", "paused_members", StatsView.count(r.paused()));
            row(csv, "pairs", "formed", StatsView.count(r.pairs()));
            row(csv, "pairs", "reverse_share", StatsView.share(r.reversePairs(), r.pairs(), l));
            row(csv, "requests", "sent", StatsView.count(r.requestsSent()));
            row(csv, "requests", "accepted", StatsView.count(r.accepted()));
            row(csv, "requests", "declined", StatsView.count(r.declined()));
            row(csv, "requests", "expired", StatsView.count(r.expired()));
            row(csv, "requests", "median_hours_to_answer", hours(r.answerTime(), r.answered()));
            row(csv, "sessions", "scheduled", StatsView.count(r.sessions()));
            row(csv, "sessions", "held", StatsView.count(r.held()));
            row(csv, "sessions", "missed", StatsView.count(r.missed()));
            row(csv, "sessions", "meeting_rate", StatsView.share(r.held(), r.held() + r.missed(), l));
            row(csv, "sessions", "median_hours_pairing_to_first", hours(r.toFirstSession(), r.pairsWithSession()));
            row(csv, "checkins", "response_rate", StatsView.share(r.checkIns(), r.checkInsDue(), l));
            row(
                    csv,
                    "checkins",
                    "average_usefulness",
                    r.usefulness() == null
                            ? ""
                            : r.rated() < StatsView.FEWEST
                                    ? StatsView.FEW
                                    : String.format(Locale.ROOT, "%.2f", r.usefulness()));
            row(csv, "questions", "asked", StatsView.count(r.questions()));
            row(csv, "questions", "answered", StatsView.count(r.questionsAnswered()));
            row(csv, "questions", "median_hours_to_first_answer", hours(r.firstAnswer(), r.questionsAnswered()));
            row(csv, "questions", "still_open", StatsView.count(r.stillOpen()));
            row(csv, "tips", "written", StatsView.count(r.tipsWritten()));
            row(csv, "tips", "delivered", StatsView.count(r.tipsDelivered()));
            row(csv, "tips", "marked_useful", StatsView.count(r.tipsUseful()));
            for (StatsReport.Demand d : r.demand()) {
                row(csv, "demand", d.skill() + ":want_to_learn", StatsView.count(d.learners()));
                row(csv, "demand", d.skill() + ":can_teach", StatsView.count(d.teachers()));
            }
            csv.println();
            row(csv, "pair", "skills", "formed", "status", "reverse", "sessions", "held", "missed");
            for (StatsReport.PairActivity p : r.pairActivity()) {
                row(
                        csv,
                        p.pair(),
                        String.join(" ", p.skills()),
                        p.formed() == null ? "" : p.formed(),
                        p.status(),
                        p.reverse() ? "yes" : "no",
                        p.sessions(),
                        p.held(),
                        p.missed());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every cell goes through {@link CsvCells}: skills are typed by members. */
    private static void row(CSVPrinter csv, Object... cells) throws IOException {
        csv.printRecord(CsvCells.row(cells));
    }

    private static String hours(Duration d, long basis) {
        if (d == null || basis == 0) {
            return "";
        }
        return basis < StatsView.FEWEST ? StatsView.FEW : String.valueOf(Math.round(d.toMinutes() / 60.0));
    }
}

package io.tandem.stats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.tandem.engine.Messages;
import io.tandem.mentoring.ProfileView;

/**
 * {@code /stats export} as CSV: the same figures as {@code /stats} (small ones hidden the same way), then each
 * pair's activity by a short pair id, without names, feedback or anything else anyone wrote.
 */
final class StatsExport {

    private StatsExport() {
    }

    static byte[] csv(StatsReport r, Messages m, ProfileView view) {
        Locale l = m.language().locale();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("section", "figure", "value");
            String scope = r.skill() == null ? "" : r.skill();
            csv.printRecord("scope", "period", r.period().name().toLowerCase(Locale.ROOT));
            csv.printRecord("scope", "skill", scope);
            csv.printRecord("people", "active_members", StatsView.count(r.members()));
            csv.printRecord("people", "paused_members", StatsView.count(r.paused()));
            csv.printRecord("pairs", "formed", StatsView.count(r.pairs()));
            csv.printRecord("pairs", "reverse_share", StatsView.share(r.reversePairs(), r.pairs(), l));
            csv.printRecord("requests", "sent", StatsView.count(r.requestsSent()));
            csv.printRecord("requests", "accepted", StatsView.count(r.accepted()));
            csv.printRecord("requests", "declined", StatsView.count(r.declined()));
            csv.printRecord("requests", "expired", StatsView.count(r.expired()));
            csv.printRecord("requests", "median_hours_to_answer", hours(r.answerTime(), r.answered()));
            csv.printRecord("sessions", "scheduled", StatsView.count(r.sessions()));
            csv.printRecord("sessions", "held", StatsView.count(r.held()));
            csv.printRecord("sessions", "missed", StatsView.count(r.missed()));
            csv.printRecord("sessions", "meeting_rate", StatsView.share(r.held(), r.held() + r.missed(), l));
            csv.printRecord("sessions", "median_hours_pairing_to_first", hours(r.toFirstSession(), r.pairsWithSession()));
            csv.printRecord("checkins", "response_rate", StatsView.share(r.checkIns(), r.checkInsDue(), l));
            csv.printRecord("checkins", "average_usefulness", r.usefulness() == null ? ""
                    : r.rated() < StatsView.FEWEST ? StatsView.FEW : String.format(Locale.ROOT, "%.2f", r.usefulness()));
            csv.printRecord("questions", "asked", StatsView.count(r.questions()));
            csv.printRecord("questions", "answered", StatsView.count(r.questionsAnswered()));
            csv.printRecord("questions", "median_hours_to_first_answer", hours(r.firstAnswer(), r.questionsAnswered()));
            csv.printRecord("questions", "still_open", StatsView.count(r.stillOpen()));
            csv.printRecord("tips", "written", StatsView.count(r.tipsWritten()));
            csv.printRecord("tips", "delivered", StatsView.count(r.tipsDelivered()));
            csv.printRecord("tips", "marked_useful", StatsView.count(r.tipsUseful()));
            for (StatsReport.Demand d : r.demand()) {
                csv.printRecord("demand", d.skill() + ":want_to_learn", StatsView.count(d.learners()));
                csv.printRecord("demand", d.skill() + ":can_teach", StatsView.count(d.teachers()));
            }
            csv.println();
            csv.printRecord("pair", "skills", "formed", "status", "reverse", "sessions", "held", "missed");
            for (StatsReport.PairActivity p : r.pairActivity()) {
                csv.printRecord(p.pair(), String.join(" ", p.skills()), p.formed() == null ? "" : p.formed(),
                        p.status(), p.reverse() ? "yes" : "no", p.sessions(), p.held(), p.missed());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hours(java.time.Duration d, long basis) {
        if (d == null || basis == 0) {
            return "";
        }
        return basis < StatsView.FEWEST ? StatsView.FEW : String.valueOf(Math.round(d.toMinutes() / 60.0));
    }
}

package io.tandem.stats;

import io.tandem.engine.Block;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.profiles.ProfileView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /stats} as a reply. Privacy: any figure about fewer than five people or records shows as "&lt;5", and a
 * rate or a median over fewer than five shows as "&lt;5" too.
 */
public final class StatsView {

    static final int FEWEST = 5;
    static final String FEW = "<5";

    private StatsView() {}

    /** A count, or {@code <5} for 1 to 4 people. */
    public static String count(long n) {
        return n > 0 && n < FEWEST ? FEW : String.valueOf(n);
    }

    /** A percentage, or {@code <5} when either figure is about fewer than 5 people; a dash of nothing. */
    public static String share(long part, long whole, Locale locale) {
        if (whole == 0) {
            return "—";
        }
        return whole < FEWEST || (part > 0 && part < FEWEST)
                ? FEW
                : String.format(locale, "%d %%", Math.round(100.0 * part / whole));
    }

    /** A median time, or {@code <5} when it is over fewer than five, a dash of nothing. */
    public static String duration(Duration d, long basis, Messages m) {
        if (d == null || basis == 0) {
            return "—";
        }
        if (basis < FEWEST) {
            return FEW;
        }
        return d.toHours() < 48
                ? m.get("stats.hours", Math.max(1, Math.round(d.toMinutes() / 60.0)))
                : m.get("stats.days", Math.round(d.toHours() / 24.0));
    }

    static Reply render(StatsReport r, Messages m, ProfileView view, Optional<String> chart) {
        return render(r, null, m, view, chart);
    }

    /** The figures, and who contributes by seniority and how far pairs got in their modules when given. */
    static Reply render(StatsReport r, Contributions c, Messages m, ProfileView view, Optional<String> chart) {
        Locale l = m.language().locale();
        String scope = m.get(r.period().key()) + (r.skill() == null ? "" : " · " + view.skill(r.skill(), m.language()));
        Reply.Builder reply = Reply.builder().text(m.get("stats.title", scope));
        chart.ifPresent(url -> reply.block(new Block.Image(url, m.get("stats.chart.alt"))));
        reply.block(section(
                m.get("stats.people"),
                List.of(
                        field(m.get("stats.members"), count(r.members())),
                        field(m.get("stats.paused"), count(r.paused())),
                        field(m.get("stats.pairs"), count(r.pairs())),
                        field(m.get("stats.reverse"), share(r.reversePairs(), r.pairs(), l)))));
        reply.block(section(
                m.get("stats.requests"),
                List.of(
                        field(m.get("stats.requests.sent"), count(r.requestsSent())),
                        field(m.get("stats.requests.accepted"), count(r.accepted())),
                        field(m.get("stats.requests.declined"), count(r.declined())),
                        field(m.get("stats.requests.expired"), count(r.expired())),
                        field(m.get("stats.requests.answer-time"), duration(r.answerTime(), r.answered(), m)))));
        String usefulness =
                r.usefulness() == null ? "—" : r.rated() < FEWEST ? FEW : String.format(l, "%.1f / 5", r.usefulness());
        reply.block(section(
                m.get("stats.sessions"),
                List.of(
                        field(m.get("stats.sessions.scheduled"), count(r.sessions())),
                        field(m.get("stats.sessions.held"), count(r.held())),
                        field(m.get("stats.sessions.missed"), count(r.missed())),
                        field(m.get("stats.sessions.rate"), share(r.held(), r.held() + r.missed(), l)),
                        field(m.get("stats.sessions.first"), duration(r.toFirstSession(), r.pairsWithSession(), m)),
                        field(m.get("stats.checkins.rate"), share(r.checkIns(), r.checkInsDue(), l)),
                        field(m.get("stats.checkins.usefulness"), usefulness))));
        reply.block(section(
                m.get("stats.questions"),
                List.of(
                        field(m.get("stats.questions.asked"), count(r.questions())),
                        field(m.get("stats.questions.answered"), count(r.questionsAnswered())),
                        field(m.get("stats.questions.first"), duration(r.firstAnswer(), r.questionsAnswered(), m)),
                        field(m.get("stats.questions.open"), count(r.stillOpen())),
                        field(m.get("stats.tips.written"), count(r.tipsWritten())),
                        field(m.get("stats.tips.delivered"), count(r.tipsDelivered())),
                        field(m.get("stats.tips.useful"), count(r.tipsUseful())))));
        List<String> gaps = r.demand().stream()
                .map(d -> m.get(
                        "stats.demand.line",
                        view.skill(d.skill(), m.language()),
                        count(d.learners()),
                        count(d.teachers())))
                .toList();
        reply.items(m.get("stats.demand"), gaps.isEmpty() ? List.of(m.get("stats.none")) : gaps);
        reply.items(
                m.get("stats.contributors"),
                r.contributors().isEmpty() ? List.of(m.get("stats.none")) : r.contributors());
        if (c != null) {
            contributions(reply, c, m, l);
        }
        reply.section(null, m.get("stats.privacy"));
        return reply.build();
    }

    /** Modules, then the seniority bands and the directions: a band or a direction of fewer than 5 people is masked. */
    private static void contributions(Reply.Builder reply, Contributions c, Messages m, Locale l) {
        reply.block(section(
                m.get("stats.modules"),
                List.of(
                        field(m.get("stats.modules.plans"), count(c.modules().plans())),
                        field(m.get("stats.modules.started"), count(c.modules().started())),
                        field(
                                m.get("stats.modules.completed"),
                                count(c.modules().completed())),
                        field(
                                m.get("stats.modules.rate"),
                                share(c.modules().completed(), c.modules().plans(), l)),
                        field(m.get("stats.modules.steps"), count(c.modules().steps())))));
        List<String> bands = c.bands().stream()
                .filter(b -> b.people() > 0)
                .map(b -> b.people() < FEWEST
                        ? m.get("stats.band.few", m.get("stats.band." + b.id()))
                        : m.get(
                                "stats.band.line",
                                m.get("stats.band." + b.id()),
                                count(b.people()),
                                count(b.answers()),
                                count(b.tips()),
                                count(b.sessions()),
                                count(b.thanks())))
                .toList();
        reply.items(m.get("stats.bands"), bands.isEmpty() ? List.of(m.get("stats.none")) : bands);
        List<String> directions = c.directions().stream()
                .filter(d -> d.sessions() > 0)
                .map(d -> m.get(
                        "stats.direction.line",
                        m.get("stats.direction." + d.id()),
                        d.people() < FEWEST ? FEW : count(d.sessions()),
                        count(d.people())))
                .toList();
        reply.items(m.get("stats.directions"), directions.isEmpty() ? List.of(m.get("stats.none")) : directions);
    }

    private static Block.Section section(String heading, List<Block.Field> fields) {
        return new Block.Section(heading, null, fields, List.of());
    }

    private static Block.Field field(String label, String value) {
        return new Block.Field(label, value);
    }
}

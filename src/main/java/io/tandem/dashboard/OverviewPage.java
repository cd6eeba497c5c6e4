package io.tandem.dashboard;

import io.tandem.engine.Messages;
import io.tandem.profiles.ProfileView;
import io.tandem.stats.Period;
import io.tandem.stats.Stats;
import io.tandem.stats.StatsReport;
import io.tandem.stats.StatsView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme at a glance: the figures of {@code /stats} from the same {@link Stats}, with the same "&lt;5"
 * masking, and two charts drawn as SVG with their figures as tables beside them.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OverviewPage {

    private final Desk desk;
    private final Stats stats;
    private final ProfileView view;

    OverviewPage(Desk desk, Stats stats, ProfileView view) {
        this.desk = desk;
        this.stats = stats;
        this.view = view;
    }

    /** One figure: its label and its value as shown (masked). */
    record Figure(String label, String value) {}

    /** One row of the supply and demand table. */
    record DemandRow(String skill, String learners, String teachers) {}

    /** One row of the weekly trend table. */
    record WeekRow(String week, String sessions) {}

    @GetMapping({"/dashboard", "/dashboard/"})
    String overview(@RequestParam(required = false) String period, HttpServletRequest request, Model model) {
        Desk.Lead lead = desk.open(request, model, "overview");
        Messages t = lead.t();
        Locale l = lead.language().locale();
        Period p = period == null ? Period.MONTH : Period.parse(period).orElse(Period.MONTH);
        StatsReport r = stats.compute(lead.workspace(), p, Optional.empty());
        model.addAttribute("period", p.name().toLowerCase(Locale.ROOT));
        model.addAttribute("periods", List.of(Period.values()));
        model.addAttribute("scope", t.get(p.key()));
        model.addAttribute(
                "people",
                List.of(
                        new Figure(t.get("stats.members"), StatsView.count(r.members())),
                        new Figure(t.get("stats.paused"), StatsView.count(r.paused())),
                        new Figure(t.get("stats.pairs"), StatsView.count(r.pairs())),
                        new Figure(t.get("stats.reverse"), StatsView.share(r.reversePairs(), r.pairs(), l))));
        model.addAttribute(
                "meetings",
                List.of(
                        new Figure(t.get("stats.sessions.scheduled"), StatsView.count(r.sessions())),
                        new Figure(t.get("stats.sessions.held"), StatsView.count(r.held())),
                        new Figure(t.get("stats.sessions.rate"), StatsView.share(r.held(), r.held() + r.missed(), l)),
                        new Figure(
                                t.get("stats.requests.answer-time"),
                                StatsView.duration(r.answerTime(), r.answered(), t))));
        model.addAttribute(
                "sharing",
                List.of(
                        new Figure(t.get("stats.questions.asked"), StatsView.count(r.questions())),
                        new Figure(t.get("stats.questions.answered"), StatsView.count(r.questionsAnswered())),
                        new Figure(t.get("stats.tips.written"), StatsView.count(r.tipsWritten())),
                        new Figure(t.get("stats.tips.useful"), StatsView.count(r.tipsUseful()))));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", l);
        List<String> weeks = r.weeks().stream().map(w -> day.format(w.start())).toList();
        List<Long> sessions = r.weeks().stream().map(StatsReport.Week::sessions).toList();
        model.addAttribute(
                "trendChart",
                SvgChart.bars(
                        "trend",
                        t.get("dashboard.trend.title"),
                        t.get("dashboard.trend.description"),
                        weeks,
                        List.of(new SvgChart.Series(t.get("stats.chart.sessions"), sessions))));
        model.addAttribute(
                "trend",
                r.weeks().stream()
                        .map(w -> new WeekRow(day.format(w.start()), StatsView.count(w.sessions())))
                        .toList());
        List<String> skills = r.demand().stream()
                .map(d -> view.skill(d.skill(), lead.language()))
                .toList();
        model.addAttribute(
                "demandChart",
                r.demand().isEmpty()
                        ? null
                        : SvgChart.bars(
                                "demand",
                                t.get("dashboard.demand.title"),
                                t.get("dashboard.demand.description"),
                                skills,
                                List.of(
                                        new SvgChart.Series(
                                                t.get("dashboard.demand.learners"),
                                                r.demand().stream()
                                                        .map(StatsReport.Demand::learners)
                                                        .toList()),
                                        new SvgChart.Series(
                                                t.get("dashboard.demand.teachers"),
                                                r.demand().stream()
                                                        .map(StatsReport.Demand::teachers)
                                                        .toList()))));
        model.addAttribute(
                "demand",
                r.demand().stream()
                        .map(d -> new DemandRow(
                                view.skill(d.skill(), lead.language()),
                                StatsView.count(d.learners()),
                                StatsView.count(d.teachers())))
                        .toList());
        model.addAttribute("contributors", r.contributors());
        return "dashboard/overview";
    }
}

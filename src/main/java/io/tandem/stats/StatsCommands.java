package io.tandem.stats;

import io.tandem.engine.Command;
import io.tandem.engine.CommandParser;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Downloads;
import io.tandem.engine.Invocation;
import io.tandem.engine.PublicUrl;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.nudges.NudgeStore;
import io.tandem.profiles.ProfileView;
import io.tandem.programme.Programme;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /stats [week|month|quarter|all] [skill]} and {@code /stats delivery}, for programme leads. */
@Configuration(proxyBeanMethods = false)
class StatsCommands {

    static final int DELIVERY_SHOWN = 15;
    static final Duration LINK_LIVES = Duration.ofHours(1);

    @Bean
    Command statsCommand(
            Stats stats,
            Programme programme,
            SkillCatalog catalog,
            ProfileView view,
            Downloads downloads,
            PublicUrl publicUrl,
            ContributionStats contributions) {
        return Command.of(new CommandSpec("stats", CommandParser.STATS, List.of("", "statistiques"), true), in -> {
            programme.requireLead(in);
            Scope scope = scope(in, stats, catalog, view);
            String ws = in.caller().id().workspace();
            StatsReport report = stats.compute(ws, scope.period(), scope.skill());
            return StatsView.render(
                    report,
                    contributions.compute(ws, scope.period(), scope.skill()),
                    in.messages(),
                    view,
                    chart(report, in, view, downloads, publicUrl));
        });
    }

    /**
     * {@code /stats export [period] [skill]}: the same figures and each pair's activity, as CSV at a short-lived link.
     */
    @Bean
    Command statsExportCommand(
            Stats stats,
            Programme programme,
            SkillCatalog catalog,
            ProfileView view,
            Downloads downloads,
            PublicUrl publicUrl) {
        return Command.of(
                new CommandSpec("stats-export", CommandParser.STATS, List.of("export", "exporter", "csv"), true),
                in -> {
                    programme.requireLead(in);
                    Scope scope = scope(in, stats, catalog, view);
                    StatsReport report = stats.compute(in.caller().id().workspace(), scope.period(), scope.skill());
                    String token = downloads.put(
                            Downloads.Kind.EXPORT, StatsExport.csv(report, in.messages(), view), LINK_LIVES);
                    return Reply.text(in.t("stats.export.ready", Downloads.Kind.EXPORT.url(publicUrl, token)));
                });
    }

    @Bean
    Command statsDeliveryCommand(Programme programme, NudgeStore nudges) {
        return Command.of(
                new CommandSpec(
                        "stats-delivery",
                        CommandParser.STATS,
                        List.of("delivery", "deliveries", "envois", "livraison"),
                        true),
                in -> delivery(in, programme, nudges));
    }

    /** The period and skill a lead asked for: {@code [period] [skill]}, a month and every skill by default. */
    record Scope(Period period, Optional<String> skill) {}

    private static Scope scope(Invocation in, Stats stats, SkillCatalog catalog, ProfileView view) {
        String[] words = in.args().isEmpty() ? new String[0] : in.args().text().split("\\s+");
        Optional<Period> period = words.length == 0 ? Optional.empty() : Period.parse(words[0]);
        String rest = String.join(" ", period.isPresent() ? Arrays.copyOfRange(words, 1, words.length) : words);
        Optional<String> skill = Optional.empty();
        if (!rest.isBlank()) {
            SkillMatch match = catalog.resolve(rest).orElseThrow(() -> new Refusal("stats.usage", rest));
            if (match instanceof SkillMatch.FreeTag tag && tag.didYouMean().isPresent()) {
                throw new Refusal(
                        "stats.did-you-mean",
                        rest,
                        view.skill(tag.didYouMean().get().id(), in.messages().language()));
            }
            if (match instanceof SkillMatch.FreeTag
                    && !stats.inUse(in.caller().id().workspace(), match.id())) {
                throw new Refusal("stats.usage", rest);
            }
            skill = Optional.of(match.id());
        }
        return new Scope(period.orElse(Period.MONTH), skill);
    }

    /** The chart's address, or empty if it could not be drawn (the figures are there anyway). */
    private static Optional<String> chart(
            StatsReport report, Invocation in, ProfileView view, Downloads downloads, PublicUrl publicUrl) {
        try {
            byte[] png = StatsChart.png(report, in.messages(), view);
            return Optional.of(
                    Downloads.Kind.CHART.url(publicUrl, downloads.put(Downloads.Kind.CHART, png, LINK_LIVES)));
        } catch (RuntimeException | Error e) {
            if (e instanceof StoreUnavailableException s) {
                throw s;
            }
            LoggerFactory.getLogger(StatsCommands.class).warn("Could not draw the /stats chart: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Nudges that failed or were skipped, newest first, with why; recipients are never named. */
    private static Reply delivery(Invocation in, Programme programme, NudgeStore nudges) {
        programme.requireLead(in);
        List<NudgeStore.Outcome> problems = nudges.report(in.caller().id().workspace(), 2000).stream()
                .filter(o -> !o.result().equals("delivered"))
                .limit(DELIVERY_SHOWN)
                .toList();
        if (problems.isEmpty()) {
            return Reply.text(in.t("stats.delivery.none"));
        }
        ZoneId zone =
                in.caller().zone() == null ? ZoneId.of("UTC") : in.caller().zone();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                "d MMM HH:mm", in.messages().language().locale());
        List<String> lines = problems.stream()
                .map(o -> in.t(
                        "stats.delivery.line",
                        format.format(o.at().atZone(zone)),
                        in.t("stats.delivery.kind." + o.kind().replace("nudge.", "")),
                        in.t("stats.delivery." + o.result()),
                        o.reason() == null ? "" : o.reason()))
                .toList();
        return Reply.builder().items(in.t("stats.delivery.heading"), lines).build();
    }
}

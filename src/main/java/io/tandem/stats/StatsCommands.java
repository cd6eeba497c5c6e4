package io.tandem.stats;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.tandem.engine.Command;
import io.tandem.engine.CommandParser;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.mentoring.ProfileView;
import io.tandem.mentoring.Programme;
import io.tandem.mentoring.SkillCatalog;
import io.tandem.mentoring.SkillMatch;
import io.tandem.nudges.NudgeStore;

/** {@code /stats [week|month|quarter|all] [skill]} and {@code /stats delivery}, for programme leads. */
@Configuration(proxyBeanMethods = false)
class StatsCommands {

    static final int DELIVERY_SHOWN = 15;

    @Bean
    @Order(100)
    Command statsCommand(Stats stats, Programme programme, SkillCatalog catalog, ProfileView view) {
        return Command.of(new CommandSpec("stats", CommandParser.STATS, List.of("", "statistiques"), true), in -> {
            Leads.require(in, programme);
            String[] words = in.args().isEmpty() ? new String[0] : in.args().text().split("\\s+");
            Optional<Period> period = words.length == 0 ? Optional.empty() : Period.parse(words[0]);
            String rest = String.join(" ", period.isPresent() ? Arrays.copyOfRange(words, 1, words.length) : words);
            Optional<String> skill = Optional.empty();
            if (!rest.isBlank()) {
                SkillMatch match = catalog.resolve(rest).orElseThrow(() -> new Refusal("stats.usage", rest));
                if (match instanceof SkillMatch.FreeTag tag && tag.didYouMean().isPresent()) {
                    throw new Refusal("stats.did-you-mean", rest,
                            view.skill(tag.didYouMean().get().id(), in.messages().language()));
                }
                if (match instanceof SkillMatch.FreeTag && !stats.inUse(in.caller().id().workspace(), match.id())) {
                    throw new Refusal("stats.usage", rest);
                }
                skill = Optional.of(match.id());
            }
            StatsReport report = stats.compute(in.caller().id().workspace(), period.orElse(Period.MONTH), skill);
            return StatsView.render(report, in.messages(), view);
        });
    }

    @Bean
    @Order(101)
    Command statsDeliveryCommand(Programme programme, NudgeStore nudges) {
        return Command.of(new CommandSpec("stats-delivery", CommandParser.STATS,
                List.of("delivery", "deliveries", "envois", "livraison"), true), in -> delivery(in, programme, nudges));
    }

    /** Nudges that failed or were skipped, newest first, with why; recipients are never named. */
    private static Reply delivery(Invocation in, Programme programme, NudgeStore nudges) {
        Leads.require(in, programme);
        List<NudgeStore.Outcome> problems = nudges.report(in.caller().id().workspace(), 2000).stream()
                .filter(o -> !o.result().equals("delivered")).limit(DELIVERY_SHOWN).toList();
        if (problems.isEmpty()) {
            return Reply.text(in.t("stats.delivery.none"));
        }
        ZoneId zone = in.caller().zone() == null ? ZoneId.of("UTC") : in.caller().zone();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM HH:mm", in.messages().language().locale());
        List<String> lines = problems.stream().map(o -> in.t("stats.delivery.line", format.format(o.at().atZone(zone)),
                in.t("stats.delivery.kind." + o.kind().replace("nudge.", "")), in.t("stats.delivery." + o.result()),
                o.reason() == null ? "" : o.reason())).toList();
        return Reply.builder().items(in.t("stats.delivery.heading"), lines).build();
    }
}

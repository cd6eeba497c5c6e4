package io.tandem.pairing;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Refusal;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The commands and buttons of requests and pairs, each wired to the use case that does the work. */
@Configuration(proxyBeanMethods = false)
class PairingCommands {

    /** {@code /mentor request @person <skill> [message]}: the longest run of words that is a known skill. */
    @Bean
    Command requestCommand(Profiles profiles, Requests requests, SkillCatalog catalog) {
        return Command.of(CommandSpec.mentor("request", "request", "ask-mentor", "solliciter"), in -> {
            Profile mentor = profiles.named(in, "request.usage");
            SkillCatalog.Leading leading =
                    catalog.leading(in.args().withoutPeople(), 4).orElseThrow(() -> new Refusal("request.usage"));
            return requests.ask(in, mentor, leading.skill().id(), leading.rest());
        });
    }

    @Bean
    Command pairsCommand(PairActions pairs) {
        return Command.of(CommandSpec.mentor("pairs", "pairs", "binomes", "binome"), pairs::list);
    }

    /** {@code /mentor end @person [feedback]}: the feedback stays private. */
    @Bean
    Command endCommand(Profiles profiles, PairActions pairs) {
        return Command.of(
                CommandSpec.mentor("end", "end", "terminer", "finir"),
                in -> pairs.end(
                        in,
                        pairs.with(in, profiles.named(in, "end.usage")),
                        in.args().withoutPeople()));
    }

    /** The Request button of {@code /mentor find}. */
    @Bean
    ActionHandler requestButton(Profiles profiles, Requests requests, SkillCatalog catalog) {
        return ActionHandler.of(ProfileView.REQUEST_ACTION, in -> {
            Profile mentor = profiles.fromAction(in, "mentor");
            String skill = ActionValue.parse(in.action().value())
                    .get("skill")
                    .flatMap(catalog::resolve)
                    .map(SkillMatch::id)
                    .orElseThrow(() -> new Refusal("action.stale"));
            return requests.ask(in, mentor, skill, null);
        });
    }

    @Bean
    ActionHandler acceptButton(Requests requests) {
        return ActionHandler.of(Requests.ACCEPT, in -> requests.accept(in, requests.forMentor(in)));
    }

    /** Decline opens a small form for an optional reason. */
    @Bean
    ActionHandler declineButton(Requests requests) {
        return ActionHandler.of(Requests.DECLINE, in -> requests.declineForm(in, requests.forMentor(in)));
    }

    @Bean
    ActionHandler declineForm(Requests requests) {
        return ActionHandler.of(
                Requests.DECLINE_SAVE,
                in -> requests.decline(in, requests.forMentor(in), in.action().field("reason")));
    }

    @Bean
    ActionHandler pausePair(PairActions pairs) {
        return ActionHandler.of(PairActions.PAUSE, in -> pairs.pause(in, pairs.fromButton(in), true));
    }

    @Bean
    ActionHandler resumePair(PairActions pairs) {
        return ActionHandler.of(PairActions.RESUME, in -> pairs.pause(in, pairs.fromButton(in), false));
    }

    @Bean
    ActionHandler endPair(PairActions pairs) {
        return ActionHandler.of(PairActions.END, in -> pairs.end(in, pairs.fromButton(in), null));
    }
}

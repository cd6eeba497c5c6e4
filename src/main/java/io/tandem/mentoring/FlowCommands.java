package io.tandem.mentoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;

/**
 * The commands and buttons of the mentoring flow, each wired to the use case that does the work: requests,
 * pairs, sessions and check-ins. The order of the beans is the order of {@code /mentor help}.
 */
@Configuration(proxyBeanMethods = false)
class FlowCommands {

    static PersonRef person(Invocation in, String usageKey) {
        List<PersonRef> people = in.args().people();
        if (people.isEmpty()) {
            throw new Refusal(usageKey);
        }
        return people.get(0);
    }

    /** {@code /mentor request @person <skill> [message]}: the longest run of words that is a known skill. */
    @Bean
    Command requestCommand(Profiles profiles, Requests requests, SkillCatalog catalog) {
        return Command.of(CommandSpec.mentor("request", "request", "ask-mentor", "solliciter"), in -> {
            Profile mentor = profiles.resolve(in, person(in, "request.usage"));
            SkillCatalog.Leading leading = catalog.leading(in.args().withoutPeople(), 4)
                    .orElseThrow(() -> new Refusal("request.usage"));
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
        return Command.of(CommandSpec.mentor("end", "end", "terminer", "finir"), in -> pairs.end(in,
                pairs.with(in, profiles.resolve(in, person(in, "end.usage"))), in.args().withoutPeople()));
    }

    /** {@code /mentor schedule @person <when> [duration] [topic]}; with nothing after it, a form. */
    @Bean
    Command scheduleCommand(Profiles profiles, Sessions sessions) {
        return Command.of(CommandSpec.mentor("schedule", "schedule", "planifier", "planning"), in -> {
            if (in.args().isEmpty()) {
                return sessions.form(in, Optional.empty(), Map.of(), Map.of());
            }
            Profile other = profiles.resolve(in, person(in, "session.usage"));
            String when = in.args().withoutPeople();
            if (when.isBlank()) {
                throw new Refusal("session.usage");
            }
            return sessions.schedule(in, other, when);
        });
    }

    @Bean
    Command sessionsCommand(Sessions sessions) {
        return Command.of(CommandSpec.mentor("sessions", "sessions", "seances", "rdv"), sessions::list);
    }

    @Bean
    Command rescheduleCommand(Sessions sessions) {
        return Command.of(CommandSpec.mentor("reschedule", "reschedule", "replanifier", "deplacer"), in -> {
            if (in.args().firstWord().isEmpty() || in.args().afterFirstWord().isEmpty()) {
                throw new Refusal("reschedule.usage");
            }
            return sessions.reschedule(in, in.args().firstWord(), in.args().afterFirstWord());
        });
    }

    @Bean
    Command cancelCommand(Sessions sessions) {
        return Command.of(CommandSpec.mentor("cancel", "cancel", "annuler"), in -> {
            if (in.args().isEmpty()) {
                throw new Refusal("cancel.usage");
            }
            return sessions.cancel(in, sessions.mine(in, in.args().firstWord()));
        });
    }

    /** {@code /mentor checkin}: the latest session waiting for my check-in. */
    @Bean
    Command checkInCommand(CheckIns checkIns) {
        return Command.of(CommandSpec.mentor("checkin", "checkin", "check-in", "bilan"), checkIns::latest);
    }

    // ---- buttons and forms

    /** The Request button of {@code /mentor find}. */
    @Bean
    ActionHandler requestButton(Profiles profiles, Requests requests, SkillCatalog catalog) {
        return ActionHandler.of(ProfileView.REQUEST_ACTION, in -> {
            Profile mentor = MentoringActions.member(in, profiles, "mentor");
            String skill = ActionValue.parse(in.action().value()).get("skill").flatMap(catalog::resolve)
                    .map(SkillMatch::id).orElseThrow(() -> new Refusal("action.stale"));
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
        return ActionHandler.of(Requests.DECLINE_SAVE,
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

    @Bean
    ActionHandler scheduleButton(Sessions sessions) {
        return ActionHandler.of(Sessions.FORM, sessions::formForPair);
    }

    @Bean
    ActionHandler scheduleForm(Sessions sessions) {
        return ActionHandler.of(Sessions.SAVE, sessions::save);
    }

    @Bean
    ActionHandler cancelSessionButton(Sessions sessions) {
        return ActionHandler.of(Sessions.CANCEL, sessions::cancelFromButton);
    }

    @Bean
    ActionHandler checkInButton(CheckIns checkIns) {
        return ActionHandler.of(CheckIns.FORM, checkIns::formForSession);
    }

    @Bean
    ActionHandler checkInForm(CheckIns checkIns) {
        return ActionHandler.of(CheckIns.SAVE, checkIns::save);
    }
}

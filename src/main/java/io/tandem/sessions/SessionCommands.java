package io.tandem.sessions;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Refusal;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The commands and buttons of sessions and check-ins, each wired to the use case that does the work. */
@Configuration(proxyBeanMethods = false)
class SessionCommands {

    /** {@code /mentor schedule @person <when> [duration] [topic]}; with nothing after it, a form. */
    @Bean
    Command scheduleCommand(Profiles profiles, SchedulingSession scheduling) {
        return Command.of(CommandSpec.mentor("schedule", "schedule", "planifier", "planning"), in -> {
            if (in.args().isEmpty()) {
                return scheduling.form(in, Optional.empty(), Map.of(), Map.of());
            }
            Profile other = profiles.named(in, "session.usage");
            String when = in.args().withoutPeople();
            if (when.isBlank()) {
                throw new Refusal("session.usage");
            }
            return scheduling.schedule(in, other, when);
        });
    }

    @Bean
    Command sessionsCommand(ListingSessions listing) {
        return Command.of(CommandSpec.mentor("sessions", "sessions", "seances", "rdv"), listing::list);
    }

    @Bean
    Command rescheduleCommand(ChangingSession changing) {
        return Command.of(CommandSpec.mentor("reschedule", "reschedule", "replanifier", "deplacer"), in -> {
            if (in.args().firstWord().isEmpty() || in.args().afterFirstWord().isEmpty()) {
                throw new Refusal("reschedule.usage");
            }
            return changing.reschedule(in, in.args().firstWord(), in.args().afterFirstWord());
        });
    }

    @Bean
    Command cancelCommand(ChangingSession changing) {
        return Command.of(CommandSpec.mentor("cancel", "cancel", "annuler"), in -> {
            if (in.args().isEmpty()) {
                throw new Refusal("cancel.usage");
            }
            return changing.cancel(in, changing.mine(in, in.args().firstWord()));
        });
    }

    /** {@code /mentor checkin}: the latest session waiting for my check-in. */
    @Bean
    Command checkInCommand(CheckIns checkIns) {
        return Command.of(CommandSpec.mentor("checkin", "checkin", "check-in", "bilan"), checkIns::latest);
    }

    @Bean
    ActionHandler scheduleButton(SchedulingSession scheduling) {
        return ActionHandler.of(SchedulingSession.FORM, scheduling::formForPair);
    }

    @Bean
    ActionHandler scheduleForm(SchedulingSession scheduling) {
        return ActionHandler.of(SchedulingSession.SAVE, scheduling::save);
    }

    @Bean
    ActionHandler cancelSessionButton(ChangingSession changing) {
        return ActionHandler.of(ChangingSession.CANCEL, changing::cancelFromButton);
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

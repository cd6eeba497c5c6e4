package io.tandem.mentoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Refusal;

/** Registers the commands that share an implementation (skill lists, pause, resume) and the profile buttons. */
@Configuration(proxyBeanMethods = false)
class MentoringCommands {

    @Bean
    SkillListCommand teachCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.TEACH, profiles, view);
    }

    @Bean
    SkillListCommand learnCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.LEARN, profiles, view);
    }

    @Bean
    SkillListCommand unteachCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.UNTEACH, profiles, view);
    }

    @Bean
    SkillListCommand unlearnCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.UNLEARN, profiles, view);
    }

    @Bean
    PauseCommand pauseCommand(Profiles profiles) {
        return new PauseCommand(true, profiles);
    }

    @Bean
    PauseCommand resumeCommand(Profiles profiles) {
        return new PauseCommand(false, profiles);
    }

    /** "Find mentors for …" buttons. */
    @Bean
    ActionHandler findButton(FindCommand find, SkillCatalog catalog) {
        return ActionHandler.of(ProfileView.FIND_ACTION, in -> find.find(in, ActionValue.parse(in.action().value())
                .get("skill").flatMap(catalog::resolve).orElseThrow(() -> new Refusal("action.stale"))));
    }

    /** "Profile" buttons. */
    @Bean
    ActionHandler profileButton(Profiles profiles, ProfileCommand command) {
        return ActionHandler.of(ProfileView.PROFILE_ACTION,
                in -> command.show(in, MentoringActions.member(in, profiles, "member")));
    }

    @Bean
    ActionHandler editProfileButton(Profiles profiles, ProfileView view) {
        return ActionHandler.of(EditingProfile.OPEN, in -> EditingProfile.open(in, profiles, view));
    }

    @Bean
    ActionHandler editProfileForm(Profiles profiles, ProfileView view) {
        return ActionHandler.of(EditingProfile.SAVE, in -> EditingProfile.save(in, profiles, view));
    }

    @Bean
    ActionHandler reportButton(Moderation moderation) {
        return ActionHandler.of(Moderation.REPORT, moderation::report);
    }

    @Bean
    ActionHandler hideButton(Moderation moderation) {
        return ActionHandler.of(Moderation.HIDE, moderation::hide);
    }
}

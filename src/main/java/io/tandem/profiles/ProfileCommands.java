package io.tandem.profiles;

import io.tandem.engine.ActionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the commands that share an implementation (skill lists, pause, resume) and the profile buttons. */
@Configuration(proxyBeanMethods = false)
class ProfileCommands {

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

    /** "Profile" buttons. */
    @Bean
    ActionHandler profileButton(Profiles profiles, ProfileCommand command) {
        return ActionHandler.of(ProfileView.PROFILE_ACTION, in -> command.show(in, profiles.fromAction(in, "member")));
    }

    @Bean
    ActionHandler editProfileButton(Profiles profiles, ProfileView view) {
        return ActionHandler.of(EditingProfile.OPEN, in -> EditingProfile.open(in, profiles, view));
    }

    @Bean
    ActionHandler editProfileForm(Profiles profiles, ProfileView view) {
        return ActionHandler.of(EditingProfile.SAVE, in -> EditingProfile.save(in, profiles, view));
    }
}

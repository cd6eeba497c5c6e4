package io.tandem.mentoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Registers the commands that share an implementation: the four skill lists, pause and resume. */
@Configuration(proxyBeanMethods = false)
class MentoringCommands {

    @Bean
    @Order(20)
    SkillListCommand teachCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.TEACH, profiles, view);
    }

    @Bean
    @Order(30)
    SkillListCommand learnCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.LEARN, profiles, view);
    }

    @Bean
    @Order(80)
    SkillListCommand unteachCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.UNTEACH, profiles, view);
    }

    @Bean
    @Order(90)
    SkillListCommand unlearnCommand(Profiles profiles, ProfileView view) {
        return new SkillListCommand(SkillListCommand.Kind.UNLEARN, profiles, view);
    }

    @Bean
    @Order(100)
    PauseCommand pauseCommand(Profiles profiles) {
        return new PauseCommand(true, profiles);
    }

    @Bean
    @Order(110)
    PauseCommand resumeCommand(Profiles profiles) {
        return new PauseCommand(false, profiles);
    }
}

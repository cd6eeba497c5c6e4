package io.tandem.moderation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tandem.engine.ActionHandler;

/** Report and Hide, on questions, answers and tips. */
@Configuration(proxyBeanMethods = false)
class ModerationButtons {

    @Bean
    ActionHandler reportButton(Moderation moderation) {
        return ActionHandler.of(Moderation.REPORT, moderation::report);
    }

    @Bean
    ActionHandler hideButton(Moderation moderation) {
        return ActionHandler.of(Moderation.HIDE, moderation::hide);
    }
}

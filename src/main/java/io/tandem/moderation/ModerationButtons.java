package io.tandem.moderation;

import io.tandem.engine.ActionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

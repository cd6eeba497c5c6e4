package io.tandem.support;

import io.tandem.console.ConsoleInbox;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.ConversationEngine;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a scenario test of an {@link EngineTest} context a {@link FakeChat} on an emptied store, as a parameter of
 * its test or {@code @BeforeEach} method: {@code @BeforeEach void organisation(FakeChat chat) { … }}.
 */
public final class FreshChat implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == FakeChat.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        ApplicationContext spring = SpringExtension.getApplicationContext(extension);
        return FakeChat.afresh(
                spring.getBean(ConversationEngine.class),
                spring.getBean(ConsoleInbox.class),
                spring.getBean(StringRedisTemplate.class),
                spring.getBean(DeliveryQueue.class));
    }
}

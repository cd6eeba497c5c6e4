package io.tandem.console;

import io.tandem.config.LocalMode;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The console is on in pure local mode ({@link LocalMode}) unless {@code tandem.console.enabled=false}; anywhere
 * else only with an explicit {@code tandem.console.enabled=true}.
 */
final class ConsoleConditions {

    static final String ENABLED = "tandem.console.enabled";

    private ConsoleConditions() {}

    static boolean on(Environment env) {
        String explicit = env.getProperty(ENABLED, "").strip();
        return explicit.isEmpty() ? LocalMode.pure(env) : Boolean.parseBoolean(explicit);
    }

    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return on(context.getEnvironment());
        }
    }

    static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !on(context.getEnvironment());
        }
    }
}

package io.tandem.teams;

import io.tandem.config.LocalMode;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Teams is on with credentials, or in emulator mode: no credentials, pure local mode ({@link LocalMode}: no Slack,
 * no external Redis) and {@code tandem.teams.emulator} not false. Beside Slack or a shared Redis, only with an
 * explicit {@code tandem.teams.emulator=true}: unauthenticated activities name the URL Tandem answers to.
 */
final class TeamsConditions {

    private TeamsConditions() {}

    static TeamsProperties properties(Environment env) {
        return Binder.get(env).bindOrCreate("tandem.teams", TeamsProperties.class);
    }

    static boolean emulator(Environment env) {
        TeamsProperties p = properties(env);
        if (TeamsProperties.present(p.appId()) || TeamsProperties.present(p.appPassword())) {
            return false; // half a set of credentials is a mistake to report, not a reason to drop authentication
        }
        return p.emulator() == null ? LocalMode.pure(env) : p.emulator();
    }

    static boolean on(Environment env) {
        return properties(env).credentials() || emulator(env);
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

package io.tandem.teams;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Teams is on with credentials, or in emulator mode: no credentials, local mode (no Redis configured: the
 * embedded one runs) and {@code tandem.teams.emulator} not false. Never unauthenticated in production.
 */
final class TeamsConditions {

    private TeamsConditions() {
    }

    static TeamsProperties properties(Environment env) {
        return Binder.get(env).bindOrCreate("tandem.teams", TeamsProperties.class);
    }

    static boolean localMode(Environment env) {
        return java.util.stream.Stream.of("spring.data.redis.url", "spring.data.redis.host",
                "spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes")
                .allMatch(k -> env.getProperty(k, "").isBlank());
    }

    static boolean emulator(Environment env) {
        TeamsProperties p = properties(env);
        return !p.credentials() && localMode(env) && !Boolean.FALSE.equals(p.emulator());
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

package io.tandem.store;

import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Redis is configured: then Tandem starts its embedded one. */
class NoRedisConfigured implements Condition {

    private static final List<String> KEYS = List.of(
            "spring.data.redis.url",
            "spring.data.redis.host",
            "spring.data.redis.sentinel.master",
            "spring.data.redis.cluster.nodes");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !configured(context.getEnvironment());
    }

    static boolean configured(Environment env) {
        return KEYS.stream().anyMatch(k -> !env.getProperty(k, "").isBlank());
    }

    /** Where the configured Redis is, without its password. */
    static String describe(Environment env) {
        String url = env.getProperty("spring.data.redis.url", "");
        if (!url.isBlank()) {
            try {
                URI uri = URI.create(url);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return "(a malformed spring.data.redis.url)";
            }
        }
        return env.getProperty("spring.data.redis.host", "sentinel or cluster nodes") + ":"
                + env.getProperty("spring.data.redis.port", "6379");
    }
}

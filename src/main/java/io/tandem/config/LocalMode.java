package io.tandem.config;

import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;

/**
 * Whether Tandem runs in pure local mode: no Slack settings, no Teams credentials, no external Redis (so the
 * embedded one runs). Only there are the console, which trusts any typed handle, and the unauthenticated Teams
 * endpoint on by default. Any one of these settings, even half filled in, means real members may be reached.
 */
public final class LocalMode {

    private static final String[] NOT_LOCAL = {
        "tandem.slack.bot-token",
        "tandem.slack.signing-secret",
        "tandem.slack.app-token",
        "tandem.slack.client-id",
        "tandem.slack.client-secret",
        "tandem.teams.app-id",
        "tandem.teams.app-password",
        "spring.data.redis.url",
        "spring.data.redis.host",
        "spring.data.redis.sentinel.master",
        "spring.data.redis.cluster.nodes",
        "REDIS_URL"
    };

    private LocalMode() {}

    /** The first setting that makes this more than a local demo, if any. */
    public static Optional<String> notLocalBecause(Environment env) {
        return Stream.of(NOT_LOCAL)
                .filter(k -> !env.getProperty(k, "").isBlank())
                .findFirst();
    }

    public static boolean pure(Environment env) {
        return notLocalBecause(env).isEmpty();
    }
}

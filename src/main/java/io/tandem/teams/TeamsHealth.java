package io.tandem.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import io.tandem.ops.CachedHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code teams} in {@code /actuator/health}: whether Microsoft's login gives Tandem a Bot Framework token with its
 * credentials (the token every message Tandem sends needs). Asked at most every five minutes; without credentials
 * (the Bot Framework Emulator in local mode) there is nothing to ask. Not part of readiness, like Slack's.
 */
class TeamsHealth extends CachedHealthIndicator {

    private final TeamsAdapter adapter;

    TeamsHealth(TeamsAdapter adapter, Clock clock) {
        super(clock, Duration.ofMinutes(5));
        this.adapter = adapter;
    }

    @Override
    protected Health check() throws Exception {
        AppCredentials credentials = adapter.outgoingCredentials();
        if (credentials == null) {
            return Health.up().withDetail("mode", "emulator (no credentials)").build();
        }
        String token;
        try {
            token = credentials.getToken().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail(
                            "error",
                            "no Bot Framework token: " + e.getCause().getClass().getSimpleName())
                    .build();
        }
        return token == null || token.isBlank()
                ? Health.down().withDetail("error", "no Bot Framework token").build()
                : Health.up().withDetail("app", adapter.appId()).build();
    }
}

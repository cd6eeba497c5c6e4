package io.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.api.ApiTestResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.tandem.ops.CachedHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code slack} in {@code /actuator/health}: with one workspace, whether Slack accepts the bot token
 * ({@code auth.test}); with OAuth, whether Slack's Web API answers ({@code api.test}); in Socket Mode, whether the
 * socket is open. Asked at most once a minute. Not part of readiness: a Slack outage must not take Tandem's pods
 * out of the load balancer (the console, Teams and the nudges' bookkeeping still work).
 */
class SlackHealth extends CachedHealthIndicator {

    private final Slack slack;
    private final SlackProperties properties;
    private final ObjectProvider<SlackSocketMode> socketMode;

    SlackHealth(Slack slack, SlackProperties properties, ObjectProvider<SlackSocketMode> socketMode, Clock clock) {
        super(clock, Duration.ofMinutes(1));
        this.slack = slack;
        this.properties = properties;
        this.socketMode = socketMode;
    }

    @Override
    protected Health check() throws Exception {
        Health.Builder health;
        if (properties.singleWorkspace()) {
            AuthTestResponse auth = slack.methods(properties.botToken()).authTest(r -> r);
            health = auth.isOk()
                    ? Health.up().withDetail("team", String.valueOf(auth.getTeam()))
                    : Health.down().withDetail("error", String.valueOf(auth.getError()));
            health.withDetail("mode", "one workspace");
        } else {
            ApiTestResponse api = slack.methods().apiTest(r -> r);
            health = (api.isOk() ? Health.up() : Health.down().withDetail("error", String.valueOf(api.getError())))
                    .withDetail("mode", "OAuth");
        }
        SlackSocketMode socket = socketMode.getIfAvailable();
        if (socket != null) {
            health.withDetail("socketMode", socket.connected() ? "connected" : "not connected");
            if (!socket.connected()) {
                health.down();
            }
        }
        return health.build();
    }
}

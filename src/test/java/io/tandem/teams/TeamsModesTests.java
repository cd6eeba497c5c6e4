package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The unauthenticated (emulator) endpoint is on by itself in pure local mode only. Beside Slack or a shared Redis
 * it needs {@code tandem.teams.emulator=true}; with any Teams credential it is never on.
 */
class TeamsModesTests {

    @Test
    void emulatesInPureLocalModeUnlessTurnedOff() {
        assertThat(TeamsConditions.emulator(new MockEnvironment())).isTrue();
        assertThat(TeamsConditions.emulator(new MockEnvironment().withProperty("tandem.teams.emulator", "false")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tandem.slack.bot-token",
                "tandem.slack.signing-secret",
                "tandem.slack.app-token",
                "tandem.slack.client-id",
                "tandem.slack.client-secret",
                "spring.data.redis.url",
                "spring.data.redis.host",
                "spring.data.redis.sentinel.master",
                "spring.data.redis.cluster.nodes",
                "REDIS_URL"
            })
    void isOffBesideSlackOrASharedRedisUnlessAskedFor(String setting) {
        MockEnvironment env = new MockEnvironment().withProperty(setting, "x");
        assertThat(TeamsConditions.emulator(env)).as(setting).isFalse();
        assertThat(TeamsConditions.on(env))
                .as("no credentials: Teams is off, /api/messages is a 404")
                .isFalse();
        assertThat(TeamsConditions.emulator(env.withProperty("tandem.teams.emulator", "true")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tandem.teams.app-id", "tandem.teams.app-password"})
    void neverEmulatesWithACredential(String setting) {
        MockEnvironment env =
                new MockEnvironment().withProperty(setting, "x").withProperty("tandem.teams.emulator", "true");
        assertThat(TeamsConditions.emulator(env)).isFalse();
        assertThat(TeamsConditions.on(env)).isFalse();
        env.withProperty("tandem.teams.app-id", "id").withProperty("tandem.teams.app-password", "secret");
        assertThat(TeamsConditions.on(env)).as("credentials: on, authenticated").isTrue();
        assertThat(TeamsConditions.emulator(env)).isFalse();
    }
}

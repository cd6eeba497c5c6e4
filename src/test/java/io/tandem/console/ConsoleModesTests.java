package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The console is on by itself in pure local mode only; elsewhere only when asked for, and then with a warning. */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleModesTests {

    @Test
    void isOnInPureLocalModeUnlessTurnedOff() {
        assertThat(ConsoleConditions.on(new MockEnvironment())).isTrue();
        assertThat(ConsoleConditions.on(new MockEnvironment().withProperty("tandem.console.enabled", "false")))
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
                "tandem.teams.app-id",
                "tandem.teams.app-password",
                "spring.data.redis.url",
                "spring.data.redis.host",
                "spring.data.redis.sentinel.master",
                "spring.data.redis.cluster.nodes",
                "REDIS_URL"
            })
    void isOffBesideARealPlatformOrASharedRedisUnlessAskedFor(String setting, CapturedOutput output) {
        MockEnvironment env = new MockEnvironment().withProperty(setting, "x");
        assertThat(ConsoleConditions.on(env)).as(setting).isFalse();

        env.withProperty("tandem.console.enabled", "true");
        assertThat(ConsoleConditions.on(env)).as(setting).isTrue();
        new ConsoleWarning(env);
        assertThat(output.getAll()).contains("WARN", "The web console is ON although " + setting + " is set");
    }

    @Test
    void saysNothingInPureLocalMode(CapturedOutput output) {
        new ConsoleWarning(new MockEnvironment());
        assertThat(output.getAll()).doesNotContain("The web console is ON");
    }

    @Test
    void blankSettingsAreNotSettings() {
        assertThat(ConsoleConditions.on(new MockEnvironment()
                        .withProperty("tandem.slack.bot-token", " ")
                        .withProperty("REDIS_URL", "")))
                .isTrue();
    }
}

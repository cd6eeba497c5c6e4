package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemApplication;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.TestDataDirs;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With an app-level token, Tandem connects out over Socket Mode; it starts with the token and stops cleanly. */
class SlackSocketModeTests {

    static final FakeSlackApi slack = FakeSlackApi.start();

    @AfterAll
    static void stopFake() {
        slack.close();
    }

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[] {
            "--tandem.data-dir=" + TestDataDirs.fresh("socket"),
            "--tandem.demo.enabled=false",
            "--tandem.slack.api-url=" + slack.apiUrl(),
            "--tandem.slack.bot-token=xoxb-test",
            "--tandem.slack.signing-secret=secret"
        };
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return new SpringApplicationBuilder(TandemApplication.class)
                .web(WebApplicationType.NONE)
                .run(all);
    }

    @Test
    void opensASocketModeConnectionWithTheAppTokenAndStopsCleanly() {
        // the fake Web API opens no WebSocket, so the connection then fails: SlackSocketMode reports that at ERROR
        // (an operator must see it), expected here
        ConfigurableApplicationContext context = start(
                "--tandem.slack.app-token=xapp-test-token", "--logging.level.io.tandem.slack.SlackSocketMode=OFF");
        SlackSocketMode socket = context.getBean(SlackSocketMode.class);
        try {
            FakeSlackApi.Call open = slack.awaitCall("apps.connections.open", Duration.ofSeconds(10));
            assertThat(open.token()).isEqualTo("xapp-test-token");
        } finally {
            context.close();
        }
        assertThat(context.isActive()).isFalse();
        assertThat(socket.isRunning()).isFalse();
    }

    @Test
    void staysInHttpModeWithoutAnAppToken() {
        slack.reset();
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBeansOfType(SlackSocketMode.class)).isEmpty();
            assertThat(context.getBeansOfType(SlackSender.class)).hasSize(1);
        }
        assertThat(slack.calls("apps.connections.open")).isEmpty();
    }
}

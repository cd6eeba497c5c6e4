package io.tandem.reliability;

import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.TestDataDirs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running Tandem for the bad-input suites: Slack on (signed requests, Web API played by a fake), Teams in
 * emulator mode (activities reach the bot without a token, replies go to a fake connector) and the console, both
 * turned on explicitly since Slack is configured (they are on by themselves only in pure local mode). The
 * classes extending it share one Spring context, so the server starts once; the fakes are never closed for the
 * same reason (their threads are daemons).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.bot-token=xoxb-test-token",
            "tandem.slack.signing-secret=" + RunningTandem.SECRET,
            "tandem.demo.enabled=false",
            "tandem.console.enabled=true",
            "tandem.teams.emulator=true"
        })
abstract class RunningTandem {

    static final String SECRET = "reliability-signing-secret";
    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeBotConnector teams = FakeBotConnector.start();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("reliability").toString());
    }

    @LocalServerPort
    int port;
}

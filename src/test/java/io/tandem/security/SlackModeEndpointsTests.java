package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slack configured, with the embedded Redis and nothing said about the console or the emulator: neither the console
 * (page or API, however the path is spelt) nor an unauthenticated Teams endpoint is served, and an activity naming
 * its own service URL is never answered there.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.bot-token=xoxb-mode-token",
            "tandem.slack.signing-secret=mode-secret",
            "tandem.demo.enabled=false"
        })
class SlackModeEndpointsTests {

    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeBotConnector teams = FakeBotConnector.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("slack-mode").toString());
    }

    @AfterAll
    static void stopFakes() {
        slack.close();
        teams.close();
    }

    @LocalServerPort
    int port;

    @Test
    void servesNeitherTheConsoleNorItsApi() {
        Http http = new Http(port);
        assertThat(http.postJson("/api/console/messages", "{\"user\":\"alice\",\"text\":\"/mentor help\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/console/inbox?user=alice").statusCode()).isEqualTo(404);
        assertThat(http.get("/").statusCode()).isEqualTo(404);
        assertThat(http.get("/index.html").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//index.html",
                "/%69ndex.html",
                "/./index.html",
                "/INDEX.html",
                "/console/../index.html",
                "/index.html;x=1",
                "//console.js",
                "/%63onsole.css",
                "/Console.JS",
                "/index.html/",
                "//",
                "//api/console/inbox?user=alice",
                "/api/%63onsole/inbox?user=alice",
                "/API/Console/inbox?user=alice",
                "/x/../api/console/inbox?user=alice",
                "/api/console/./inbox?user=alice"
            })
    void refusesTheConsoleHoweverItsPathIsSpelt(String target) throws Exception {
        assertThat(RawHttp.get(port, target)).as(target).isIn(400, 404);
    }

    @Test
    void leavesOtherPathsAlone() throws Exception {
        assertThat(RawHttp.get(port, "/actuator/health/liveness")).isEqualTo(200);
    }

    @Test
    void neverAnswersAnUnauthenticatedTeamsActivity() {
        var response = new Http(port)
                .postJson(
                        "/api/messages",
                        teams.activities().personalMessage("help", "aad-mallory", "Mallory", "en-US", "Europe/Paris"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(teams.calls())
                .as("the emulator answers within the request; nothing may have been sent")
                .isEmpty();
    }
}

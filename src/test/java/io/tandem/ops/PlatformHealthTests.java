package io.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.TravelClock;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Http;
import io.tandem.support.Ports;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack and Teams in {@code /actuator/health} (never in readiness), and no token, password or signing secret in
 * the logs, whatever happens: start-up, forged requests, failed sends, Redis with a password.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.demo.enabled=false",
            "logging.level.io.tandem=DEBUG",
            "tandem.slack.bot-token=" + PlatformHealthTests.BOT_TOKEN,
            "tandem.slack.signing-secret=" + PlatformHealthTests.SIGNING_SECRET,
            "tandem.teams.app-id=11111111-2222-3333-4444-555555555555",
            "tandem.teams.app-password=" + PlatformHealthTests.TEAMS_PASSWORD,
            "tandem.teams.tenant-id=tenant-1"
        })
class PlatformHealthTests {

    static final String BOT_TOKEN = "xoxb-health-7f3a9c1e";
    static final String SIGNING_SECRET = "sign-5e8d2b4a";
    static final String TEAMS_PASSWORD = "teams-pw-9c4e1f7b";
    static final String REDIS_PASSWORD = "redis-pw-3b6f0d2a";
    static final List<String> SECRETS = List.of(BOT_TOKEN, SIGNING_SECRET, TEAMS_PASSWORD, REDIS_PASSWORD);

    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeBotConnector teams = FakeBotConnector.start();
    static final int redisPort = Ports.free();
    static final RedisServer redis = startRedis();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add(
                "tandem.data-dir", () -> TestDataDirs.fresh("platform-health").toString());
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("spring.data.redis.url", () -> "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + redisPort);
    }

    @AfterAll
    static void stop() throws IOException {
        slack.close();
        teams.close();
        redis.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    TravelClock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void reportsSlackAndTeamsInHealthButNotInReadiness() {
        Http http = new Http(port);
        JsonNode health = json.readTree(http.get("/actuator/health").body()).get("components");
        assertThat(health.get("slack").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("slack").get("details").get("team").asString()).isEqualTo("Tandem Test");
        assertThat(health.get("redis").get("status").asString()).isEqualTo("UP");
        // no credentials Microsoft's login accepts here (a made-up password, and no network in CI)
        assertThat(health.get("teams").get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("teams").get("details").get("error").asString()).startsWith("no Bot Framework token");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("slack", "teams");

        // asked once a minute at most: a revoked token shows after that
        slack.failNext("auth.test", FakeSlackApi.Reply.error("token_revoked"), 5);
        int asked = slack.calls("auth.test").size();
        assertThat(slackStatus(http)).isEqualTo("UP");
        assertThat(slackStatus(http)).isEqualTo("UP");
        clock.advance(Duration.ofSeconds(61));
        JsonNode revoked = json.readTree(http.get("/actuator/health").body())
                .get("components")
                .get("slack");
        assertThat(revoked.get("status").asString()).isEqualTo("DOWN");
        assertThat(revoked.get("details").get("error").asString()).isEqualTo("token_revoked");
        assertThat(slack.calls("auth.test")).hasSize(asked + 1);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private String slackStatus(Http http) {
        return json.readTree(http.get("/actuator/health").body())
                .get("components")
                .get("slack")
                .get("status")
                .asString();
    }

    @Test
    void keepsTokensPasswordsAndSecretsOutOfTheLogs(CapturedOutput output) throws Exception {
        SlackRequests requests = new SlackRequests(port, SIGNING_SECRET);
        slack.addUser("U0ALICE", "Alice Morgan", "Europe/London", "en-GB");
        // a command, a forged signature, a stale timestamp, a send Slack refuses, and a forged Teams token
        assertThat(requests.command("/mentor", "teach seo", "U0ALICE", slack.responseUrl("U0ALICE"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(requests.post(
                                "application/x-www-form-urlencoded",
                                SlackRequests.slashCommand("/mentor", "find seo", "U0ALICE", slack.responseUrl("x")),
                                System.currentTimeMillis() / 1000,
                                "not-the-secret",
                                Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(requests.post(
                                "application/x-www-form-urlencoded",
                                SlackRequests.slashCommand("/mentor", "find seo", "U0ALICE", slack.responseUrl("x")),
                                System.currentTimeMillis() / 1000 - 3600,
                                SIGNING_SECRET,
                                Map.of())
                        .statusCode())
                .isEqualTo(401);
        slack.failNext("chat.postMessage", FakeSlackApi.Reply.error("invalid_auth"), 20);
        slack.addUser("U0BOB", "Bob Carter", "Europe/Paris", "fr-FR");
        requests.command("/mentor", "request <@U0ALICE> seo Teach me please", "U0BOB", slack.responseUrl("U0BOB"));
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("Could not deliver"));
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TEAMS_PASSWORD)
                                .POST(HttpRequest.BodyPublishers.ofString(teams.activities()
                                        .personalMessage("help", "aad-1", "Ada", "en-GB", "Europe/London")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        new Http(port).get("/actuator/health");

        assertThat(output.getAll()).contains("Slack is on", "Teams is on", "Using the configured Redis");
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("the logs show " + secret).doesNotContain(secret);
        }
    }

    private static RedisServer startRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("requirepass " + REDIS_PASSWORD)
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

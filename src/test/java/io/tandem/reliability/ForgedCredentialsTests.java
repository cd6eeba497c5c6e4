package io.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.profiles.ProfileStore;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forged, stale and replayed credentials, the cases {@code SlackAdapterTests} (wrong secret, 6 minutes old) and
 * {@code TeamsAuthenticationTests} (no token, "not.a.token", an RS256 token with a made-up key, expired) leave
 * out: each is a 401, and nothing happens (no profile, nothing stored about the sender, no call to Slack or Teams).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.bot-token=xoxb-test-token",
            "tandem.slack.signing-secret=" + ForgedCredentialsTests.SECRET,
            "tandem.teams.app-id=" + ForgedCredentialsTests.APP_ID,
            "tandem.teams.app-password=" + ForgedCredentialsTests.PASSWORD,
            "tandem.teams.tenant-id=tenant-1",
            "tandem.demo.enabled=false"
        })
class ForgedCredentialsTests {

    static final String SECRET = "forgery-signing-secret";
    static final String APP_ID = "11111111-2222-3333-4444-666666666666";
    static final String PASSWORD = "app-password";
    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeBotConnector teams = FakeBotConnector.start();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final String SLACK_BODY =
            SlackRequests.slashCommand("/mentor", "teach forgery", "U0MALLORY", slack.responseUrl("mallory"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("forgery").toString());
    }

    @AfterAll
    static void stopFakes() {
        slack.close();
        teams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ProfileStore profiles;

    @Autowired
    StringRedisTemplate redis;

    /** A request with forged, stale or replayed credentials, from Mallory, who asks to teach "forgery". */
    enum Forgery {
        SLACK_SIGNATURE_OF_ANOTHER_BODY(t -> {
            long now = now();
            String signed = SlackRequests.slashCommand("/mentor", "help", "U0MALLORY", slack.responseUrl("m"));
            return t.slack(now, new SlackSignature.Generator(SECRET).generate(String.valueOf(now), signed));
        }),
        SLACK_TIMESTAMP_SIX_MINUTES_AHEAD(t -> t.slack(now() + 360, null)),
        SLACK_TIMESTAMP_NOT_A_NUMBER(t -> t.slackHeaders(Map.of(
                "X-Slack-Request-Timestamp",
                "yesterday",
                "X-Slack-Signature",
                new SlackSignature.Generator(SECRET).generate("yesterday", SLACK_BODY)))),
        SLACK_NO_HEADERS(t -> t.slackHeaders(Map.of())),
        SLACK_NO_SIGNATURE(t -> t.slackHeaders(Map.of("X-Slack-Request-Timestamp", String.valueOf(now())))),
        SLACK_NO_TIMESTAMP(t -> t.slackHeaders(Map.of("X-Slack-Signature", valid(now())))),
        SLACK_EMPTY_V0(t -> t.slack(now(), "v0=")),
        SLACK_V0_NOT_HEX(t -> t.slack(now(), "v0=" + "zz".repeat(32))),
        SLACK_V0_TRUNCATED(t -> t.slack(now(), valid(now()).substring(0, 40))),
        SLACK_WITHOUT_V0_PREFIX(t -> t.slack(now(), valid(now()).substring(3))),
        SLACK_V1_PREFIX(t -> t.slack(now(), "v1=" + valid(now()).substring(3))),
        TEAMS_BEARER_GARBAGE(t -> t.teams("Bearer garbage")),
        TEAMS_BEARER_WITHOUT_TOKEN(t -> t.teams("Bearer")),
        TEAMS_BASIC_APP_PASSWORD(t -> t.teams("Basic "
                + Base64.getEncoder().encodeToString((APP_ID + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))),
        TEAMS_ALG_NONE(t -> t.teams("Bearer " + jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}") + ".")),
        TEAMS_UNSIGNED_TWO_PARTS(t -> t.teams("Bearer " + jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}"))),
        TEAMS_HS256_WITH_APP_PASSWORD(t -> {
            String unsigned = jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            return t.teams("Bearer " + unsigned + "." + B64.encodeToString(hmac(PASSWORD, unsigned)));
        });

        private final Function<ForgedCredentialsTests, HttpResponse<String>> send;

        Forgery(Function<ForgedCredentialsTests, HttpResponse<String>> send) {
            this.send = send;
        }

        private static long now() {
            return System.currentTimeMillis() / 1000;
        }

        /** The right signature of {@link #SLACK_BODY} at {@code timestamp}. */
        private static String valid(long timestamp) {
            return new SlackSignature.Generator(SECRET).generate(String.valueOf(timestamp), SLACK_BODY);
        }

        /** Header and claims as the Bot Connector's would be (issuer, audience, one hour to live), unsigned. */
        private static String jwt(String header) {
            long now = Instant.now().getEpochSecond();
            String claims = "{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + APP_ID + "\",\"exp\":"
                    + (now + 3600) + ",\"nbf\":" + (now - 60) + ",\"serviceurl\":\"" + teams.serviceUrl() + "\"}";
            return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        }

        private static byte[] hmac(String key, String data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void refusesTheRequestAndDoesNothing(Forgery forgery) {
        // a case that failed must not make the next ones fail
        redis.delete(redis.keys("*U0MALLORY*"));
        redis.delete(redis.keys("*aad-mallory*"));
        slack.reset();
        teams.reset();
        HttpResponse<String> response = forgery.send.apply(this);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(profiles.find(MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0MALLORY")))
                    .isEmpty();
            assertThat(profiles.find(MemberId.of(Platform.TEAMS, "tenant-1", "aad-mallory")))
                    .isEmpty();
            assertThat(redis.keys("*U0MALLORY*")).isEmpty();
            assertThat(redis.keys("*aad-mallory*")).isEmpty();
            assertThat(slack.calls())
                    .as("calls to Slack")
                    .allMatch(c -> c.method().equals("auth.test"));
            assertThat(teams.calls()).as("calls to the Bot Connector").isEmpty();
        });
    }

    HttpResponse<String> slack(long timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Slack-Request-Timestamp", String.valueOf(timestamp));
        headers.put(
                "X-Slack-Signature",
                signature != null
                        ? signature
                        : new SlackSignature.Generator(SECRET).generate(String.valueOf(timestamp), SLACK_BODY));
        return slackHeaders(headers);
    }

    HttpResponse<String> slackHeaders(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SLACK_BODY));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> teams(String authorization) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(teams.activities()
                        .personalMessage("mentor teach forgery", "aad-mallory", "Mallory", "en-US", "Europe/Paris"))));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

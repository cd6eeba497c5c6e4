package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Reply;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Several workspaces: the OAuth install stores the workspace's bot token in Redis, and Tandem then works there. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.client-id=111.222",
            "tandem.slack.client-secret=client-secret",
            "tandem.slack.signing-secret=" + SlackOAuthTests.SECRET,
            "tandem.demo.enabled=false"
        })
class SlackOAuthTests {

    static final String SECRET = "oauth-signing-secret";
    static final FakeSlackApi slack = FakeSlackApi.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("slack-oauth").toString());
    }

    @AfterAll
    static void stopFake() {
        slack.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void installsIntoAWorkspaceAndWorksThereWithItsOwnToken() throws Exception {
        slack.on("oauth.v2.access", call -> FakeSlackApi.Reply.ok("""
                {"ok":true,"app_id":"A0TANDEM","access_token":"xoxb-installed-token","token_type":"bot",
                 "scope":"commands,chat:write","bot_user_id":"U0BOT","team":{"id":"T0OTHER","name":"Other"},
                 "enterprise":null,"is_enterprise_install":false,
                 "authed_user":{"id":"U0INSTALLER","scope":"","token_type":"user"}}"""));
        slack.on("auth.test", call -> FakeSlackApi.Reply.ok("""
                {"ok":true,"url":"https://other.slack.com/","team":"Other","user":"tandem","team_id":"T0OTHER",
                 "user_id":"U0BOT","bot_id":"B0BOT"}"""));

        HttpResponse<String> install = get("/slack/install", null);
        String page = install.body() + install.headers().firstValue("Location").orElse("");
        Matcher state = Pattern.compile("state=([A-Za-z0-9-]+)").matcher(page);
        assertThat(state.find()).as(install.statusCode() + " " + page).isTrue();
        assertThat(page).contains("client_id=111.222", "commands");
        String cookie = install.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse("");

        HttpResponse<String> callback = get("/slack/oauth_redirect?code=the-code&state=" + state.group(1), cookie);
        assertThat(callback.statusCode()).as(callback.body()).isLessThan(400);
        assertThat(slack.calls("oauth.v2.access"))
                .singleElement()
                .satisfies(c -> assertThat(c.param("code")).isEqualTo("the-code"));
        assertThat(redis.keys("tandem:slack-install:bot:*")).hasSize(1);

        SlackRequests requests = new SlackRequests(port, SECRET);
        String body = SlackRequests.slashCommand("/mentor", "help", "U0PAT", slack.responseUrl("pat"))
                .replace("team_id=T0TEST", "team_id=T0OTHER");
        HttpResponse<String> command = requests.post("application/x-www-form-urlencoded", body);
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(command.body()).contains("/mentor find");

        queue.enqueue(new Notification(new MemberId("slack:T0OTHER", "U0PAT"), "test", Reply.text("Hello Pat")));
        FakeSlackApi.Call dm = slack.awaitCall("chat.postMessage", Duration.ofSeconds(10));
        assertThat(dm.token()).isEqualTo("xoxb-installed-token");

        queue.enqueue(new Notification(new MemberId("slack:T0NOPE", "U1"), "test", Reply.text("Hello")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !queue.failures("slack:T0NOPE", 1).isEmpty());
        assertThat(queue.failures("slack:T0NOPE", 1).get(0).reason()).contains("not installed");
    }
}

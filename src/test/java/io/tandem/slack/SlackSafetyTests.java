package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.ActionHandler;
import io.tandem.engine.Block;
import io.tandem.engine.Downloads;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.RedisContents;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Slack adapter must not do, through the running server and the fake Web API: bring back a member who
 * was forgotten, hand the bot token to a host that is not Slack's, corrupt a value too long for Block Kit, or fail
 * a command when its own store work does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.bot-token=xoxb-test-token",
            "tandem.slack.signing-secret=" + SlackSafetyTests.SECRET,
            "tandem.demo.enabled=false",
            "tandem.slack.admins-are-leads=true"
        })
class SlackSafetyTests {

    static final String SECRET = "safety-signing-secret";
    static final String CAROL = "U0CAROL";
    static final FakeSlackApi slack = FakeSlackApi.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("slack-safety").toString());
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

    @MockitoSpyBean
    Downloads downloads;

    private final JsonMapper json = JsonMapper.builder().build();
    private SlackRequests requests;

    @BeforeEach
    void organisation() {
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.depth(Platform.SLACK) == 0);
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        slack.reset();
        slack.addUser(CAROL, "Carol Diaz", "Europe/Madrid", "en-GB").withEmail(CAROL, "carol.diaz@example.com");
        requests = new SlackRequests(port, SECRET);
    }

    private JsonNode command(String user, String command, String text) {
        HttpResponse<String> response = requests.command(command, text, user, slack.responseUrl(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    private static List<JsonNode> buttons(JsonNode blocks) {
        return blocks.valueStream()
                .filter(b -> b.get("type").asString().equals("actions"))
                .flatMap(b -> b.get("elements").valueStream())
                .toList();
    }

    static String blockAction(String user, String actionId, String value, String responseUrl) {
        return """
                {"type":"block_actions","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","trigger_id":"trigger-click",
                 "container":{"type":"message","message_ts":"1.2","channel_id":"C0GENERAL"},
                 "channel":{"id":"C0GENERAL","name":"general"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b1","type":"button","action_ts":"1.1",
                   "text":{"type":"plain_text","text":"x"},"value":%s}]}
                """.formatted(
                user, responseUrl, actionId, JsonMapper.builder().build().writeValueAsString(value));
    }

    /** All of Redis as text: every key, and every value of strings, hashes, sets, sorted sets and lists. */
    private String everything() {
        return RedisContents.text(redis);
    }

    @Test
    void forgetsAMemberForGoodWhenTheyConfirmForgetMe() {
        command(CAROL, "/mentor", "teach negotiation");
        assertThat(everything()).contains(CAROL, "Carol Diaz", "carol.diaz@example.com");
        JsonNode confirm =
                buttons(command(CAROL, "/mentor", "forget-me").get("blocks")).get(0);
        // the worst case: Tandem no longer has her in its users.info cache when she clicks
        redis.delete(redis.keys("tandem:*slack-user:" + CAROL));
        slack.reset();
        HttpResponse<String> click = requests.interaction(blockAction(
                CAROL,
                confirm.get("action_id").asString(),
                confirm.get("value").asString(),
                slack.responseUrl("forget")));
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10))
                        .rawBody())
                .contains("Tandem has forgotten you");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> queue.depth(Platform.SLACK) == 0);
        assertThat(slack.calls("users.info"))
                .as("looked up once in the request")
                .hasSize(1);
        assertThat(everything()).doesNotContain(CAROL, "Carol Diaz", "carol.diaz@example.com");
    }

    private static String event(String id, String eventJson) {
        return ("{\"token\":\"legacy\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0TANDEM\",\"type\":\"event_callback\","
                        + "\"event_id\":\"%s\",\"event_time\":1700000000,\"event\":%s}")
                .formatted(id, eventJson);
    }

    private static String fileShare(String user, String url) {
        return "{\"type\":\"message\",\"subtype\":\"file_share\",\"channel_type\":\"im\",\"channel\":\"D" + user
                + "\",\"user\":\"" + user + "\",\"text\":\"\",\"ts\":\"5.5\",\"files\":[{\"id\":\"F0ROSTER\","
                + "\"name\":\"roster.csv\",\"filetype\":\"csv\",\"size\":60,\"url_private_download\":\"" + url
                + "\"}]}";
    }

    private List<FakeSlackApi.Call> postedTo(String user) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ("D" + user).equals(c.param("channel")))
                .toList();
    }

    @Test
    void downloadsARosterOnlyForALeadAndOnlyFromSlack() throws Exception {
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            elsewhere.add(exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] csv = "handle,name,seniority,teaches\nU0X,X,junior,seo\n".getBytes();
            exchange.sendResponseHeaders(200, csv.length);
            exchange.getResponseBody().write(csv);
            exchange.close();
        });
        other.start();
        try {
            String foreign = "http://127.0.0.1:" + other.getAddress().getPort() + "/files-pri/F0ROSTER";
            String slackUrl = slack.hostFile("F0ROSTER", "handle,name,seniority,teaches\nU0NEW1,Newcomer,junior,seo\n");
            slack.addUser("U0ADMIN", "Ada Admin", "Europe/London", "en-GB").makeAdmin("U0ADMIN");

            requests.event(event("EvNonLead1", fileShare(CAROL, slackUrl)), Map.of());
            requests.event(event("EvNonLead2", fileShare(CAROL, foreign)), Map.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> postedTo(CAROL).size() == 2);
            assertThat(postedTo(CAROL))
                    .allSatisfy(c -> assertThat(c.param("text")).contains("programme leads"));

            requests.event(event("EvLead1", fileShare("U0ADMIN", foreign)), Map.of());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> postedTo("U0ADMIN").size() == 1);
            assertThat(postedTo("U0ADMIN").get(0).param("text")).doesNotContain("Roster imported");
            assertThat(elsewhere)
                    .as("the bot token went to a host that is not Slack's")
                    .isEmpty();
            assertThat(slack.calls(FakeSlackApi.DOWNLOAD))
                    .as("a non-lead's file was downloaded")
                    .isEmpty();

            requests.event(event("EvLead2", fileShare("U0ADMIN", slackUrl)), Map.of());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> postedTo("U0ADMIN").stream()
                            .anyMatch(c -> c.param("text").contains("Roster imported: 1 invited")));
            assertThat(slack.calls(FakeSlackApi.DOWNLOAD))
                    .singleElement()
                    .satisfies(d -> assertThat(d.token()).isEqualTo("xoxb-test-token"));
            assertThat(elsewhere).isEmpty();
        } finally {
            other.stop(0);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void acknowledgesEveryShapeOfRequestSlackSendsAndAnswersEveryMembersMessage(CapturedOutput output)
            throws Exception {
        Resource[] corpus = new PathMatchingResourcePatternResolver().getResources("classpath:slack-corpus/*");
        assertThat(corpus).hasSizeGreaterThan(30);
        for (Resource file : corpus) {
            String name = file.getFilename();
            slack.reset();
            String respondTo = slack.responseUrl(name);
            String body = file.getContentAsString(StandardCharsets.UTF_8).strip();
            HttpResponse<String> response;
            if (name.startsWith("command-")) {
                response = requests.post(
                        "application/x-www-form-urlencoded",
                        body.replace("RESPONSE_URL", URLEncoder.encode(respondTo, StandardCharsets.UTF_8)));
            } else if (name.startsWith("interaction-")) {
                response = requests.interaction(body.replace("RESPONSE_URL", respondTo));
            } else {
                response = requests.event(body, Map.of());
            }
            assertThat(response.statusCode())
                    .as(name + ": " + response.body())
                    .isEqualTo(name.contains(".refused.") ? 400 : 200);
            if (name.contains(".answer.")) {
                if (name.startsWith("command-")) {
                    assertThat(response.body()).as(name).contains("/mentor");
                } else {
                    await(name)
                            .atMost(Duration.ofSeconds(10))
                            .until(() -> slack.calls().stream()
                                    .anyMatch(c -> List.of("chat.postMessage", "chat.postEphemeral")
                                                    .contains(c.method())
                                            && c.param("text") != null
                                            && c.param("text").contains("/mentor")));
                }
            }
            if (name.equals("event-url-verification.json")) {
                assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
            }
        }
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> queue.depth(Platform.SLACK) == 0);
        assertThat(output.getAll())
                .doesNotContain("\tat ", " ERROR ", "No BoltEventHandler registered", "registered for callback_id");
    }

    @Test
    void answersAStoreOutageInItsOwnChartUploadInTheMembersLanguage() {
        slack.addUser("U0CHEF", "Chantal Chef", "Europe/Paris", "fr-FR").makeAdmin("U0CHEF");
        Mockito.doThrow(new StoreUnavailableException("Redis is away", null))
                .when(downloads)
                .get(ArgumentMatchers.eq(Downloads.Kind.CHART), ArgumentMatchers.anyString());
        JsonNode ack = command("U0CHEF", "/stats", "");
        assertThat(ack.toString()).contains("momentanément indisponible");
        assertThat(slack.calls("files.completeUploadExternal")).isEmpty();
    }

    static final String LONG_VALUE = "v".repeat(10) + "é".repeat(2_000) + "x".repeat(2_990);
    static final String LONG_METADATA = "m".repeat(5_000) + "ü".repeat(5_000);

    /** Test actions: one shows a button whose value is 5,000 characters, one a form carrying 10,000. */
    @TestConfiguration
    static class LongValues {

        @Bean
        ActionHandler longButton() {
            return ActionHandler.of(
                    "test.long.button",
                    in -> Reply.builder()
                            .text("A long button")
                            .block(new Block.Section(
                                    null,
                                    "Click",
                                    List.of(),
                                    List.of(new Block.Button("test.long.echo", "Echo", LONG_VALUE, null))))
                            .build());
        }

        @Bean
        ActionHandler longForm() {
            return ActionHandler.of(
                    "test.long.form",
                    in -> Reply.builder()
                            .text("A long form")
                            .block(new Block.Form(
                                    "test.long.echo",
                                    "Long",
                                    "Send",
                                    List.of(new Block.Input(
                                            "note", "Note", Block.InputType.TEXT, false, null, null, null)),
                                    null,
                                    LONG_METADATA))
                            .build());
        }

        @Bean
        ActionHandler longEcho() {
            return ActionHandler.of(
                    "test.long.echo",
                    in -> Reply.text(
                            in.action().value().equals(LONG_VALUE)
                                    ? "intact button value"
                                    : in.action().value().equals(LONG_METADATA)
                                            ? "intact metadata"
                                            : "corrupted: "
                                                    + in.action().value().length() + " characters"));
        }
    }

    @Test
    void carriesButtonValuesAndFormMetadataLongerThanSlackAllowsIntact() {
        requests.interaction(blockAction(CAROL, "test.long.button", "", slack.responseUrl("long1")));
        JsonNode shown = json.readTree(slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10))
                .rawBody());
        JsonNode button = buttons(shown.get("blocks")).get(0);
        assertThat(button.get("value").asString().length()).isLessThanOrEqualTo(2_000);
        slack.reset();
        requests.interaction(
                blockAction(CAROL, "test.long.echo", button.get("value").asString(), slack.responseUrl("long2")));
        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10))
                        .rawBody())
                .contains("intact button value");

        requests.interaction(blockAction(CAROL, "test.long.form", "", slack.responseUrl("long3")));
        JsonNode view = json.readTree(
                slack.awaitCall("views.open", Duration.ofSeconds(10)).param("view"));
        String metadata = view.get("private_metadata").asString();
        assertThat(metadata).isNotEmpty().hasSizeLessThanOrEqualTo(3_000);
        String submission = """
                {"type":"view_submission","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","trigger_id":"t2","response_urls":[],
                 "view":{"id":"V1","team_id":"T0TEST","type":"modal","callback_id":"test.long.echo",
                   "private_metadata":%s,"state":{"values":{
                     "note":{"note":{"type":"plain_text_input","value":"hi"}}}}}}
                """.formatted(CAROL, json.writeValueAsString(metadata));
        HttpResponse<String> submitted = requests.interaction(submission);
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("intact metadata");
        assertThat(redis.keys("tandem:{slack:T0TEST}:blockval:*"))
                .hasSize(2)
                .allSatisfy(key -> assertThat(redis.getExpire(key)).isBetween(1L, 3 * 24 * 3600L));
    }
}

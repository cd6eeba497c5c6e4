package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Slack adapter through the real running server: requests signed with Slack's algorithm, the Web API played
 * by a local fake that records every call.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.bot-token=xoxb-test-token",
            "tandem.slack.signing-secret=" + SlackAdapterTests.SECRET,
            "tandem.demo.enabled=false",
            "tandem.slack.admins-are-leads=true",
            "tandem.leads=boss@example.com"
        })
class SlackAdapterTests {

    static final String SECRET = "test-signing-secret";
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final FakeSlackApi slack = FakeSlackApi.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("slack").toString());
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

    private final JsonMapper json = JsonMapper.builder().build();
    private SlackRequests requests;

    @BeforeEach
    void organisation() {
        // deliveries of the previous test still in flight would land in this one
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.depth(Platform.SLACK) == 0);
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        slack.reset();
        slack.addUser(ALICE, "Alice Morgan", "Europe/London", "en-GB");
        slack.addUser(BOB, "Bob Carter", "Europe/Paris", "fr-FR");
        requests = new SlackRequests(port, SECRET);
        command(ALICE, "/mentor", "set seniority senior");
        command(ALICE, "/mentor", "teach negotiation");
        command(BOB, "/mentor", "set seniority junior");
        command(BOB, "/mentor", "teach seo");
        slack.reset();
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

    private String blockAction(String user, String actionId, String value, String container) {
        return """
                {"type":"block_actions","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","container":%s,"trigger_id":"trigger-click",
                 "channel":{"id":"C0GENERAL","name":"general"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b1","type":"button","action_ts":"1.1",
                   "text":{"type":"plain_text","text":"x"},"value":%s}]}
                """.formatted(
                        user, container, slack.responseUrl("click-" + user), actionId, json.writeValueAsString(value));
    }

    private static final String MESSAGE = "{\"type\":\"message\",\"message_ts\":\"1.2\",\"channel_id\":\"C0GENERAL\"}";

    @Test
    void answersASlashCommandWithBlockKitInTheAck() {
        JsonNode ack = command(ALICE, "/mentor", "find seo");
        assertThat(ack.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(ack.get("text").asString()).startsWith("Mentors for SEO").contains("Bob Carter");
        List<JsonNode> buttons = buttons(ack.get("blocks"));
        assertThat(buttons)
                .extracting(b -> b.get("action_id").asString())
                .containsExactly("mentoring.request", "mentoring.profile");
        assertThat(buttons.get(0).get("value").asString()).contains("slack%3AT0TEST%3AU0BOB");

        JsonNode french = command(BOB, "/mentor", "aide");
        assertThat(french.get("text").asString()).contains("Trouver et apprendre", "/mentor cherche");
    }

    @Test
    void asksSlackWhoSomeoneIsAtMostOnceADay() {
        command(ALICE, "/mentor", "profile");
        command(ALICE, "/mentor", "profile");
        command(ALICE, "/mentor", "help");
        assertThat(slack.calls("users.info")).isEmpty(); // cached while setting up the organisation
        assertThat(redis.delete(redis.keys("tandem:{slack:T0TEST}:slack-user:*")))
                .isEqualTo(2);
        command(ALICE, "/mentor", "profile");
        command(ALICE, "/mentor", "profile");
        assertThat(slack.calls("users.info")).hasSize(1);
    }

    @Test
    void turnsButtonsIntoEngineActionsAndDeliversTheRequestAsADm() {
        JsonNode ack = command(ALICE, "/mentor", "find seo");
        JsonNode profile = buttons(ack.get("blocks")).get(1);
        HttpResponse<String> click = requests.interaction(
                blockAction(ALICE, "mentoring.profile", profile.get("value").asString(), MESSAGE));
        assertThat(click.statusCode()).isEqualTo(200);
        FakeSlackApi.Call answer = slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10));
        assertThat(answer.rawBody()).contains("Bob Carter", "Teaches", "\"replace_original\":false");

        JsonNode request = buttons(ack.get("blocks")).get(0);
        requests.interaction(
                blockAction(ALICE, "mentoring.request", request.get("value").asString(), MESSAGE));
        FakeSlackApi.Call dm = slack.awaitCall("chat.postMessage", Duration.ofSeconds(15));
        assertThat(slack.calls("conversations.open"))
                .extracting(c -> c.param("users"))
                .contains(BOB);
        assertThat(dm.param("channel")).isEqualTo("D" + BOB);
        assertThat(dm.param("text")).contains("Alice Morgan aimerait apprendre Référencement naturel avec vous");
        assertThat(dm.token()).isEqualTo("xoxb-test-token");
    }

    @Test
    void givesEachButtonOfABlockItsOwnActionIdAndRoutesEveryOneOfThem() {
        JsonNode ack = command(ALICE, "/mentor", "learn generative ai, data literacy");
        List<JsonNode> finds = buttons(ack.get("blocks")).stream()
                .filter(b -> b.get("action_id").asString().startsWith("mentoring.find"))
                .toList();
        assertThat(finds)
                .extracting(b -> b.get("action_id").asString())
                .containsExactly("mentoring.find", "mentoring.find#2");
        requests.interaction(
                blockAction(ALICE, "mentoring.find#2", finds.get(1).get("value").asString(), MESSAGE));
        FakeSlackApi.Call answer = slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10));
        assertThat(answer.rawBody())
                .as("the second button finds for the second skill")
                .contains("ata");
        assertThat(answer.rawBody()).doesNotContain("don't know", "connais pas");
    }

    @Test
    void publishesAHomeSlackAcceptsWithSeveralSkillsToLearn() {
        command(BOB, "/mentor", "learn generative ai, data literacy");
        requests.event(
                event(
                        "EvHome2",
                        "{\"type\":\"app_home_opened\",\"user\":\"U0BOB\",\"channel\":\"D0BOB\","
                                + "\"tab\":\"home\",\"event_ts\":\"1.1\"}"),
                Map.of());
        FakeSlackApi.Call published = slack.awaitCall("views.publish", Duration.ofSeconds(10));
        assertThat(slack.refusals()).as("what Slack would refuse").isEmpty();
        assertThat(json.readTree(published.param("view")).toString()).contains("mentoring.find#2");
    }

    @Test
    void answersAnUnknownButtonKindly() {
        requests.interaction(blockAction(ALICE, "no.such.action", "", MESSAGE));
        JsonNode answer = json.readTree(slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10))
                .rawBody());
        assertThat(answer.get("text").asString()).startsWith("That button doesn't do anything any more");
        assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
    }

    @Test
    void opensFormsAsModalsAndShowsValidationErrorsUnderTheFields() {
        requests.interaction(blockAction(ALICE, "mentoring.profile.edit", "", MESSAGE));
        FakeSlackApi.Call opened = slack.awaitCall("views.open", Duration.ofSeconds(10));
        assertThat(opened.param("trigger_id")).isEqualTo("trigger-click");
        JsonNode view = json.readTree(opened.param("view"));
        assertThat(view.get("type").asString()).isEqualTo("modal");
        assertThat(view.get("callback_id").asString()).isEqualTo("mentoring.profile.save");

        HttpResponse<String> invalid = requests.interaction(submission(ALICE, "Mars/Base", "negotiation, seo"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        JsonNode errors = json.readTree(invalid.body());
        assertThat(errors.get("response_action").asString()).isEqualTo("errors");
        assertThat(errors.get("errors").get("timezone").asString()).contains("Mars/Base");

        HttpResponse<String> valid = requests.interaction(submission(ALICE, "America/New_York", "negotiation, seo"));
        JsonNode update = json.readTree(valid.body());
        assertThat(update.get("response_action").asString()).isEqualTo("update");
        assertThat(update.get("view").toString()).contains("Saved", "America/New_York");
        assertThat(command(ALICE, "/mentor", "profile").get("text").asString()).contains("Negotiation, SEO");
    }

    @Test
    void joiningAProgrammeOpensItsSkillsFormAsAModalAndSaysTheJoinUnderTheMessage() {
        slack.addUser("U0LEAD", "Lee Lead", "Europe/London", "en-GB").makeAdmin("U0LEAD");
        assertThat(command("U0LEAD", "/mentor", "admin programme new seo-club skills seo")
                        .toString())
                .contains("Programme seo-club is ready");

        // the invitation's button, in a DM: the form opens as a modal, and the join is said under the message
        requests.interaction(blockAction(ALICE, "programme.join", "programme=seo-club&role=LEARNER", MESSAGE));
        FakeSlackApi.Call opened = slack.awaitCall("views.open", Duration.ofSeconds(10));
        assertThat(opened.param("trigger_id")).isEqualTo("trigger-click");
        JsonNode view = json.readTree(opened.param("view"));
        assertThat(view.get("callback_id").asString()).isEqualTo("programme.skills.save");
        assertThat(view.get("private_metadata").asString()).isEqualTo("programme=seo-club");
        assertThat(view.get("blocks").get(0).get("block_id").asString()).isEqualTo("learns");
        JsonNode said = json.readTree(slack.awaitCall(FakeSlackApi.RESPONSE_URL, Duration.ofSeconds(10))
                .rawBody());
        assertThat(said.get("text").asString()).contains("You joined programme seo-club, to learn");
        assertThat(said.toString()).doesNotContain("programme.skills.save");
        assertThat(slack.refusals()).as("what Slack would refuse").isEmpty();

        HttpResponse<String> invalid = requests.interaction(programmeSkills(ALICE, "seo-club", "???"));
        JsonNode errors = json.readTree(invalid.body());
        assertThat(errors.get("response_action").asString()).isEqualTo("errors");
        assertThat(errors.get("errors").get("learns").asString()).contains("???");
        JsonNode saved = json.readTree(
                requests.interaction(programmeSkills(ALICE, "seo-club", "seo")).body());
        assertThat(saved.get("response_action").asString()).isEqualTo("update");
        assertThat(saved.get("view").toString()).contains("Saved for programme seo-club", "SEO");

        // the command: the modal again, and the join in the acknowledgement
        JsonNode ack = command(ALICE, "/mentor", "join seo-club as learner");
        assertThat(ack.get("text").asString()).contains("You joined programme seo-club, to learn");
        assertThat(slack.calls("views.open")).hasSize(2);
    }

    private String programmeSkills(String user, String programme, String learns) {
        return """
                {"type":"view_submission","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","trigger_id":"t2","response_urls":[],
                 "view":{"id":"V2","team_id":"T0TEST","type":"modal","callback_id":"programme.skills.save",
                   "private_metadata":"programme=%s","state":{"values":{
                     "learns":{"learns":{"type":"plain_text_input","value":"%s"}}}}}}
                """.formatted(user, programme, learns);
    }

    private String submission(String user, String timezone, String teaches) {
        return """
                {"type":"view_submission","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","trigger_id":"t2","response_urls":[],
                 "view":{"id":"V1","team_id":"T0TEST","type":"modal","callback_id":"mentoring.profile.save",
                   "private_metadata":"","state":{"values":{
                     "teaches":{"teaches":{"type":"plain_text_input","value":"%s"}},
                     "timezone":{"timezone":{"type":"plain_text_input","value":"%s"}},
                     "seniority":{"seniority":{"type":"static_select",
                        "selected_option":{"text":{"type":"plain_text","text":"senior"},"value":"senior"}}},
                     "capacity":{"capacity":{"type":"static_select",
                        "selected_option":{"text":{"type":"plain_text","text":"2"},"value":"2"}}}}}}}
                """.formatted(user, teaches, timezone);
    }

    private static String event(String id, String eventJson) {
        return """
                {"token":"legacy","team_id":"T0TEST","api_app_id":"A0TANDEM","type":"event_callback",
                 "event_id":"%s","event_time":1700000000,"event":%s}
                """.formatted(id, eventJson).replace("\n", ""); // Slack sends one line
    }

    @Test
    void publishesTheAppHome() {
        HttpResponse<String> response = requests.event(
                event(
                        "EvHome1",
                        "{\"type\":\"app_home_opened\",\"user\":\"U0BOB\",\"channel\":\"D0BOB\",\"ta"
                                + "b\":\"home\",\"event_ts\":\"1.1\"}"),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlackApi.Call published = slack.awaitCall("views.publish", Duration.ofSeconds(10));
        assertThat(published.param("user_id")).isEqualTo(BOB);
        JsonNode view = json.readTree(published.param("view"));
        assertThat(view.get("type").asString()).isEqualTo("home");
        assertThat(view.toString()).contains("Bienvenue dans Tandem, Bob Carter", "Modifier le profil");
    }

    @Test
    void handlesAnEventRetriedThreeTimesOnce() {
        String dm = event(
                "EvDm1",
                "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D0ALICE\","
                        + "\"user\":\"U0ALICE\",\"text\":\"find seo\",\"ts\":\"1.1\",\"event_ts\":\"1.1\"}");
        assertThat(requests.event(dm, Map.of()).statusCode()).isEqualTo(200);
        for (int retry = 1; retry <= 3; retry++) {
            assertThat(requests.event(
                                    dm,
                                    Map.of(
                                            "X-Slack-Retry-Num",
                                            String.valueOf(retry),
                                            "X-Slack-Retry-Reason",
                                            "http_timeout"))
                            .statusCode())
                    .isEqualTo(200);
        }
        FakeSlackApi.Call answer = slack.awaitCall("chat.postMessage", Duration.ofSeconds(10));
        assertThat(answer.param("channel")).isEqualTo("D0ALICE");
        assertThat(answer.param("text")).contains("Mentors for SEO");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> slack.calls("chat.postMessage").size() == 1);
    }

    @Test
    void answersAMentionToTheAskerOnly() {
        requests.event(
                event(
                        "EvMention1",
                        "{\"type\":\"app_mention\",\"channel\":\"C0GENERAL\",\"user\":\"U0ALICE\","
                                + "\"text\":\"<@U0BOT> find seo\",\"ts\":\"2.2\",\"event_ts\":\"2.2\"}"),
                Map.of());
        FakeSlackApi.Call answer = slack.awaitCall("chat.postEphemeral", Duration.ofSeconds(10));
        assertThat(answer.param("user")).isEqualTo(ALICE);
        assertThat(answer.param("channel")).isEqualTo("C0GENERAL");
        assertThat(answer.param("text")).contains("Bob Carter");
    }

    @Test
    void importsARosterALeadSharesAsACsvFileInTheDm() {
        slack.addUser("U0ADMIN", "Ada Admin", "Europe/London", "en-GB").makeAdmin("U0ADMIN");
        StringBuilder csv = new StringBuilder("handle,name,seniority,teaches\n");
        for (int i = 0; i < 120; i++) {
            csv.append("U0NEW").append(i).append(",Newcomer Number ").append(i).append(",junior,seo;negotiation\n");
        }
        csv.append("U0BAD,Bad Row,guru,\n");
        String url = slack.hostFile("F0ROSTER", csv.toString());
        String shared = "{\"type\":\"message\",\"subtype\":\"file_share\",\"channel_type\":\"im\","
                + "\"channel\":\"DU0ADMIN\",\"user\":\"U0ADMIN\",\"text\":\"\",\"ts\":\"5.5\",\"files\":[{"
                + "\"id\":\"F0ROSTER\",\"name\":\"roster.csv\",\"filetype\":\"csv\",\"size\":" + csv.length()
                + ",\"url_private_download\":\"" + url + "\"}]}";
        assertThat(requests.event(event("EvFile1", shared), Map.of()).statusCode())
                .isEqualTo(200);
        FakeSlackApi.Call download = slack.awaitCall(FakeSlackApi.DOWNLOAD, Duration.ofSeconds(10));
        assertThat(download.token()).isEqualTo("xoxb-test-token");
        // the parts are answered one after another: wait for all of them
        await().atMost(Duration.ofSeconds(20)).until(() -> sum(adminDm(), "Roster imported: (\\d+) invited") >= 120);
        String reports = adminDm();
        assertThat(reports).contains("Part 1 of", "\"guru\" is not a seniority");
        assertThat(sum(reports, "Roster imported: (\\d+) invited")).isEqualTo(120);
        // someone who is not a lead gets the same refusal as for the command
        String fromBob = shared.replace("U0ADMIN", BOB).replace("DU0ADMIN", "D" + BOB);
        requests.event(event("EvFile2", fromBob), Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("chat.postMessage").stream()
                        .anyMatch(c -> ("D" + BOB).equals(c.param("channel"))
                                && c.param("text").contains("réservé aux responsables")));
    }

    @Test
    void importsTheModulesALeadSharesAsACsvFileInTheDmWholeModulesAtATime() throws Exception {
        slack.addUser("U0ADMIN", "Ada Admin", "Europe/London", "en-GB").makeAdmin("U0ADMIN");
        // the starter file (comments, quoted commas, 20 modules) is larger than one command: it goes in parts
        String csv;
        try (var in = getClass().getResourceAsStream("/modules/starter.csv")) {
            csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        csv += "basket weaving,en,1,Baskets,Weave,Willow,\n";
        String url = slack.hostFile("F0MODULES", csv);
        String shared = "{\"type\":\"message\",\"subtype\":\"file_share\",\"channel_type\":\"im\","
                + "\"channel\":\"DU0ADMIN\",\"user\":\"U0ADMIN\",\"text\":\"\",\"ts\":\"6.6\",\"files\":[{"
                + "\"id\":\"F0MODULES\",\"name\":\"modules.csv\",\"filetype\":\"csv\",\"size\":" + csv.length()
                + ",\"url_private_download\":\"" + url + "\"}]}";
        assertThat(requests.event(event("EvModules1", shared), Map.of()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> sum(adminDm(), "Modules imported: (\\d+) saved") >= 20);
        String reports = adminDm();
        assertThat(reports).contains("Part 1 of");
        // every module arrives whole: 20 saved, no module cut short between parts; the bad line is reported
        assertThat(sum(reports, "Modules imported: (\\d+) saved")).isEqualTo(20);
        assertThat(reports)
                .contains("\"basket weaving\" is not a skill Tandem knows")
                .doesNotContain("steps left");
    }

    /** Everything Tandem posted in the lead's DM so far. */
    private String adminDm() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> "DU0ADMIN".equals(c.param("channel")))
                .map(c -> c.param("text"))
                .reduce("", String::concat);
    }

    /** The sum of the numbers {@code pattern}'s group captures in {@code text}. */
    private static int sum(String text, String pattern) {
        return Pattern.compile(pattern)
                .matcher(text)
                .results()
                .mapToInt(r -> Integer.parseInt(r.group(1)))
                .sum();
    }

    @Test
    void ignoresItsOwnMessagesAndOtherBots() {
        assertThat(requests.event(
                                event(
                                        "EvBot1",
                                        "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D0ALICE\","
                                                + "\"bot_id\":\"B0BOT\",\"text\":\"Mentors for SEO\",\"ts\":\"3.3\"}"),
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(requests.event(
                                event(
                                        "EvBot2",
                                        "{\"type\":\"message\",\"subtype\":\"bot_message\",\"channel_type\":\"im\","
                                                + "\"channel\":\"D0ALICE\",\"bot_id\":\"B0OTHER\",\""
                                                + "username\":\"other\",\"text\":\"find seo\",\"ts\":\"3.5\"}"),
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(requests.event(
                                event(
                                        "EvEdit1",
                                        "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel_type\":\"im\","
                                                + "\"channel\":\"D0ALICE\",\"ts\":\"3.4\"}"),
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> slack.calls("chat.postMessage").isEmpty());
    }

    @Test
    void acknowledgesSignedRequestsItHasNoHandlerForAndStillRefusesForgedOnes() {
        List<String> events = List.of(
                "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel_type\":\"im\",\"channel\":\"D0ALICE\","
                        + "\"hidden\":true,\"message\":{\"type\":\"message\",\"user\":\"U0ALICE\",\""
                        + "text\":\"x\",\"ts\":\"1.0\"},"
                        + "\"ts\":\"1.1\",\"event_ts\":\"1.1\"}",
                "{\"type\":\"message\",\"subtype\":\"message_deleted\",\"channel_type\":\"im\",\"channel\":\"D0ALICE\","
                        + "\"hidden\":true,\"deleted_ts\":\"1.0\",\"ts\":\"1.2\",\"event_ts\":\"1.2\"}",
                "{\"type\":\"message\",\"subtype\":\"me_message\",\"channel_type\":\"im\",\"channel\":\"D0ALICE\","
                        + "\"user\":\"U0ALICE\",\"text\":\"waves\",\"ts\":\"1.3\",\"event_ts\":\"1.3\"}",
                "{\"type\":\"reaction_added\",\"user\":\"U0ALICE\",\"reaction\":\"tada\","
                        + "\"item\":{\"type\":\"message\",\"channel\":\"D0ALICE\",\"ts\":\"1.0\"},\""
                        + "event_ts\":\"1.4\"}",
                "{\"type\":\"an_event_slack_invents_next_year\",\"event_ts\":\"1.5\"}");
        for (int i = 0; i < events.size(); i++) {
            String body = event("EvIgnored" + i, events.get(i));
            assertThat(requests.event(body, Map.of()).statusCode())
                    .as(events.get(i))
                    .isEqualTo(200);
            assertThat(requests.post(
                                    "application/json",
                                    body,
                                    System.currentTimeMillis() / 1000,
                                    "wrong-secret",
                                    Map.of())
                            .statusCode())
                    .as(events.get(i))
                    .isEqualTo(401);
        }
        String closed = "{\"type\":\"view_closed\",\"team\":{\"id\":\"T0TEST\"},\"user\":{\"id\":\"U0ALICE\"},"
                + "\"api_app_id\":\"A0TANDEM\",\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"x\"},"
                + "\"is_cleared\":false}";
        String shortcut = "{\"type\":\"message_action\",\"callback_id\":\"tandem.save\",\"trigger_id\":\"t\","
                + "\"team\":{\"id\":\"T0TEST\"},\"user\":{\"id\":\"U0ALICE\"},\"channel\":{\"id\":\"C0GENERAL\"},"
                + "\"message\":{\"type\":\"message\",\"text\":\"hi\",\"ts\":\"1.0\"},\"response_url\":\""
                + slack.responseUrl("s") + "\"}";
        for (String interaction : List.of(closed, shortcut)) {
            assertThat(requests.interaction(interaction).statusCode())
                    .as(interaction)
                    .isEqualTo(200);
        }
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> slack.calls("chat.postMessage").isEmpty()
                        && slack.calls(FakeSlackApi.RESPONSE_URL).isEmpty());
    }

    @Test
    void refusesAnInteractionThatNamesNoMemberOrWorkspaceBeforeRunningIt() {
        String click = blockAction(ALICE, "mentoring.profile.edit", "", MESSAGE)
                .replace("\"id\":\"T0TEST\"", "\"id\":\"\"")
                .replace("\"id\":\"" + ALICE + "\"", "\"id\":\"\"");
        HttpResponse<String> refused = requests.interaction(click);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Malformed Slack payload");
        String form = submission(ALICE, "Europe/London", "cooking")
                .replace("\"id\":\"T0TEST\"", "\"id\":\"\"")
                .replace("\"team_id\":\"T0TEST\"", "\"team_id\":\"\"")
                .replace("\"id\":\"" + ALICE + "\"", "\"id\":\"\"");
        assertThat(requests.interaction(form).statusCode()).isEqualTo(400);
        assertThat(requests.post(
                                "application/x-www-form-urlencoded",
                                SlackRequests.slashCommand("/mentor", "teach cooking", "", slack.responseUrl("x")))
                        .statusCode())
                .isEqualTo(400);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> slack.calls("views.open").isEmpty()
                        && slack.calls(FakeSlackApi.RESPONSE_URL).isEmpty());
        assertThat(command(ALICE, "/mentor", "profile").get("text").asString()).doesNotContain("Cooking");
    }

    @Test
    void rejectsBadAndStaleSignaturesAndProcessesNothing() {
        String body = SlackRequests.slashCommand("/mentor", "teach cooking", ALICE, slack.responseUrl("x"));
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> forged =
                requests.post("application/x-www-form-urlencoded", body, now, "wrong-secret", Map.of());
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> stale =
                requests.post("application/x-www-form-urlencoded", body, now - 6 * 60, SECRET, Map.of());
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(command(ALICE, "/mentor", "profile").get("text").asString()).doesNotContain("cooking");
    }

    @Test
    void refusesMalformedPayloads() {
        assertThat(requests.post("application/x-www-form-urlencoded", "payload=%7Bnot-json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(requests.post("application/json", "{\"type\":\"event_callback\",\"event\":")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void retriesAfterA429AndDeliversOnce() {
        slack.failNext("chat.postMessage", FakeSlackApi.Reply.rateLimited(1), 2);
        JsonNode request =
                buttons(command(ALICE, "/mentor", "find seo").get("blocks")).get(0);
        requests.interaction(
                blockAction(ALICE, "mentoring.request", request.get("value").asString(), MESSAGE));
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.accepted("chat.postMessage") == 1);
        assertThat(slack.refused("chat.postMessage")).isEqualTo(2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> slack.accepted("chat.postMessage") == 1);
        assertThat(queue.failures("slack:T0TEST", 10)).isEmpty();
    }

    @Test
    void opensAMembersDmOnceAndRemembersIt() {
        String carol = "U0CAROL" + System.nanoTime();
        slack.addUser(carol, "Carol Diaz", "Europe/Madrid", "es-ES");
        for (int sent = 1; sent <= 2; sent++) {
            queue.enqueue(new Notification(
                    MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, carol), "test", Reply.text("message " + sent)));
            long expected = sent;
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> slack.calls("chat.postMessage").stream()
                                    .filter(c -> ("D" + carol).equals(c.param("channel")))
                                    .count()
                            == expected);
        }
        assertThat(slack.calls("conversations.open").stream().filter(c -> carol.equals(c.param("users"))))
                .as("one Web API call per message once the DM is known")
                .hasSize(1);
    }

    /**
     * Tandem reads Slack's answers to the two calls of a DM itself: answers that are not what Slack promises (a
     * JSON array, a number for the DM's id, a body cut short) are retried (with backoff, so three of them here),
     * never taken for a success or a permanent failure, and the message arrives once when Slack answers properly.
     */
    @Test
    void hostileAnswersFromSlackAreRetriedAndTheMessageArrivesOnce() {
        String dora = "U0DORA" + System.nanoTime();
        slack.addUser(dora, "Dora Diaz", "Europe/Madrid", "es-ES");
        for (String answer : List.of("[1,2]", "{\"ok\":true,\"channel\":{\"id\":7}}")) {
            slack.failNext("conversations.open", FakeSlackApi.Reply.ok(answer), 1);
        }
        for (String answer : List.of("{\"ok\":tr")) {
            slack.failNext("chat.postMessage", FakeSlackApi.Reply.ok(answer), 1);
        }
        queue.enqueue(new Notification(
                MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, dora), "test", Reply.text("Hola Dora")));

        Supplier<Long> arrived = () -> slack.calls("chat.postMessage").stream()
                .filter(c -> "Hola Dora".equals(c.param("text")))
                .count();
        await().atMost(Duration.ofSeconds(60)).until(() -> arrived.get() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> arrived.get() == 2);
        assertThat(slack.calls("chat.postMessage").stream()
                        .filter(c -> "Hola Dora".equals(c.param("text")))
                        .map(c -> c.param("channel")))
                .as("only ever to Dora's DM")
                .containsOnly("D" + dora);
        assertThat(queue.failures("slack:T0TEST", 10)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.depth(Platform.SLACK) == 0);
    }

    /**
     * Slack limits opening DMs (conversations.open, Tier 3) far below posting: its 429s hold back only the members
     * whose DM is not open yet. Nothing is lost or sent twice, posting is never refused, and Tandem does not learn
     * a lower posting rate from them (the rate it learns is for posting).
     */
    @Test
    void slackPacingTheOpeningOfDmsHoldsBackOnlyNewDmsAndTeachesNoPostingRate() {
        slack.limitWorkspace("conversations.open", 4);
        int newcomers = 24;
        for (int i = 0; i < newcomers; i++) {
            queue.enqueue(new Notification(
                    MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0NEW" + i),
                    "test.open",
                    Reply.text("Hi " + i)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> slack.accepted("chat.postMessage") >= newcomers);
        assertThat(slack.refused("conversations.open"))
                .as("Slack did refuse some openings")
                .isPositive();
        assertThat(slack.refused("chat.postMessage")).isZero();
        assertThat(slack.calls("chat.postMessage").stream()
                        .map(c -> c.param("text"))
                        .filter(t -> t != null && t.startsWith("Hi ")))
                .hasSize(newcomers)
                .doesNotHaveDuplicates();
        assertThat(redis.keys("tandem:gate:{slack:" + FakeSlackApi.TEAM_ID + "}:learnt"))
                .as("no posting rate learnt from refused openings")
                .isEmpty();
        assertThat(queue.failures("slack:T0TEST", 10)).isEmpty();
    }

    @Test
    void recordsAPermanentFailureWithSlacksReasonAndTellsTheSender() {
        // Bob's account is gone: opening a DM with him fails, and so does posting to the DM Tandem may remember
        slack.on(
                "conversations.open",
                call -> BOB.equals(call.param("users"))
                        ? FakeSlackApi.Reply.error("user_not_found")
                        : slack.defaultAnswer(call));
        slack.on(
                "chat.postMessage",
                call -> ("D" + BOB).equals(call.param("channel"))
                        ? FakeSlackApi.Reply.error("user_not_found")
                        : slack.defaultAnswer(call));
        JsonNode request =
                buttons(command(ALICE, "/mentor", "find seo").get("blocks")).get(0);
        requests.interaction(
                blockAction(ALICE, "mentoring.request", request.get("value").asString(), MESSAGE));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !queue.failures("slack:T0TEST", 10).isEmpty());
        assertThat(queue.failures("slack:T0TEST", 10).get(0).reason()).isEqualTo("user_not_found");
        FakeSlackApi.Call notice = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("channel").equals("D" + ALICE))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(notice.param("text")).contains("I couldn't deliver your request to Bob Carter");
        assertThat(slack.calls("chat.postMessage").stream()
                        .filter(c -> c.param("channel").equals("D" + ALICE)))
                .hasSize(1);
    }

    @Test
    void letsSlackAdminsUseStatsWhenTheyCountAsLeads() {
        slack.addUser("U0ADMIN", "Ada Admin", "Europe/London", "en-GB").makeAdmin("U0ADMIN");
        String stats = command("U0ADMIN", "/stats", "").toString();
        assertThat(stats)
                .contains(
                        "Programme statistics: last 30 days",
                        "Aggregates only",
                        "The chart is in your direct messages with Tandem")
                .doesNotContain("image_url");
        // the chart went to the lead's DM as a PNG file, never to a shared channel
        FakeSlackApi.Call complete = slack.awaitCall("files.completeUploadExternal", Duration.ofSeconds(10));
        assertThat(complete.param("channel_id")).isEqualTo("DU0ADMIN");
        assertThat(slack.calls(FakeSlackApi.UPLOAD))
                .singleElement()
                .satisfies(upload -> assertThat(upload.rawBody()).contains("PNG", "IHDR"));
        assertThat(command(BOB, "/stats", "week").toString())
                .contains("réservé aux responsables du programme")
                .doesNotContain("Programme statistics");
        // a lead named by email in tandem.leads, matched through users.info (users:read.email)
        slack.addUser("U0BOSS", "Bea Boss", "Europe/London", "en-GB").withEmail("U0BOSS", "Boss@Example.com");
        assertThat(command("U0BOSS", "/stats", "").toString()).contains("Programme statistics");
    }

    @Test
    void postsToTheProgrammeChannelWithoutOpeningADm() {
        queue.enqueue(new Notification(
                new MemberId("slack:T0TEST", "#C0PROGRAMME"), "tips.week.channel", Reply.text("Tips of the week")));
        FakeSlackApi.Call posted = slack.awaitCall("chat.postMessage", Duration.ofSeconds(10));
        assertThat(posted.param("channel")).isEqualTo("C0PROGRAMME");
        assertThat(posted.param("text")).contains("Tips of the week");
        assertThat(slack.calls("conversations.open")).isEmpty();
    }

    @Test
    void keepsALongReplyWithinBlockKitLimits() {
        JsonNode ack = command(ALICE, "/mentor", "skills");
        assertThat(ack.get("blocks").size()).isBetween(1, 50);
        ack.get("blocks").forEach(b -> {
            if (b.has("text")) {
                assertThat(b.get("text").get("text").asString().length()).isLessThanOrEqualTo(3000);
            }
        });
    }

    @Test
    void deliversABurstOfDmsUnderRateLimitsAllOnceEach() {
        slack.limitWorkspace("chat.postMessage", 150);
        slack.failNext("conversations.open", FakeSlackApi.Reply.status(503), 5);
        int burst = 1000;
        for (int i = 0; i < burst; i++) {
            queue.enqueue(
                    new Notification(new MemberId("slack:T0TEST", "U" + i), "test.burst", Reply.text("Hello " + i)));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> slack.accepted("chat.postMessage") >= burst);
        List<String> channels = slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("text") != null && c.param("text").startsWith("Hello"))
                .map(c -> c.param("channel") + "/" + c.param("text"))
                .toList();
        assertThat(channels).hasSize(burst + slack.refused("chat.postMessage"));
        assertThat(slack.accepted("chat.postMessage")).isEqualTo(burst);
        assertThat(queue.failures("slack:T0TEST", 10)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.depth(Platform.SLACK) == 0);
    }
}

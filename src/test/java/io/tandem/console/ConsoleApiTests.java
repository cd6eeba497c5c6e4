package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The console's JSON API through the real running server, on the embedded Redis with the demo organisation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("console-api").toString());
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private JsonNode say(String user, String text, String locale) {
        HttpResponse<String> response = http.postJson(
                "/api/console/messages", json.writeValueAsString(Map.of("user", user, "text", text, "locale", locale)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).get("reply");
    }

    private static List<JsonNode> cards(JsonNode reply) {
        return reply.get("blocks")
                .valueStream()
                .filter(b -> b.get("type").asString().equals("section")
                        && !b.get("heading").isNull())
                .toList();
    }

    @Test
    void findsDemoMentorsForSeoInEnglishAndFrench() {
        JsonNode reply = say("alice", "/mentor find seo", "en");
        assertThat(reply.get("text").asString()).startsWith("Mentors for SEO");
        assertThat(reply.get("visibility").asString()).isEqualTo("asker");
        List<JsonNode> cards = cards(reply);
        assertThat(cards).hasSize(5);
        JsonNode first = cards.get(0);
        assertThat(first.get("buttons").get(0).get("label").asString()).isEqualTo("Request");
        assertThat(first.get("buttons").get(0).get("action").asString()).isEqualTo("mentoring.request");
        assertThat(first.get("buttons").get(0).get("style").asString()).isEqualTo("primary");
        assertThat(first.get("fields").get(0).get("label").asString()).isEqualTo("Seniority");
        // alice's own manager chain and direct reports never appear
        assertThat(reply.get("text").asString()).doesNotContain("@alice", "@claire.martin", "@michel.tremblay");

        JsonNode french = say("alice", "/mentor find référencement", "fr");
        assertThat(french.get("text").asString()).startsWith("Mentors : Référencement naturel");
        assertThat(cards(french).get(0).get("buttons").get(0).get("label").asString())
                .isEqualTo("Demander");
    }

    @Test
    void clickingRequestConfirmsAndDeliversToTheMentorsInbox() {
        JsonNode button = cards(say("alice", "/mentor find seo", "en"))
                .get(0)
                .get("buttons")
                .get(0);
        String mentor = button.get("value").asString().replaceAll(".*mentor=console%3A([^&]+).*", "$1");
        HttpResponse<String> response = http.postJson(
                "/api/console/actions",
                json.writeValueAsString(Map.of(
                        "user",
                        "alice",
                        "action",
                        button.get("action").asString(),
                        "value",
                        button.get("value").asString(),
                        "fields",
                        Map.of())));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("reply").get("text").asString()).startsWith("I've asked ");

        JsonNode inbox = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> body(http.get("/api/console/inbox?user=" + mentor)),
                        i -> !i.get("notifications").isEmpty());
        assertThat(inbox.get("user").asString()).isEqualTo(mentor);
        JsonNode last =
                inbox.get("notifications").get(inbox.get("notifications").size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("mentoring.request");
        assertThat(last.get("text").asString()).contains("Alice Morgan");
        assertThat(last.get("reply").get("blocks")).isNotEmpty();
        assertThat(last.get("at").asString()).isNotBlank();
        assertThat(last.get("label").asString()).isEqualTo("Mentoring request");

        // the mentor accepts: alice is told with an acceptance, labelled as one, in her language
        JsonNode accept = last.get("reply")
                .get("blocks")
                .valueStream()
                .flatMap(b -> b.path("buttons").valueStream())
                .filter(b -> b.get("action").asString().equals("mentoring.request.accept"))
                .findFirst()
                .orElseThrow();
        assertThat(http.postJson(
                                "/api/console/actions",
                                json.writeValueAsString(Map.of(
                                        "user",
                                        mentor,
                                        "action",
                                        "mentoring.request.accept",
                                        "value",
                                        accept.get("value").asString(),
                                        "fields",
                                        Map.of())))
                        .statusCode())
                .isEqualTo(200);
        JsonNode toAlice = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> body(http.get("/api/console/inbox?user=alice")).get("notifications"),
                        n -> n.valueStream()
                                .anyMatch(x -> x.get("kind").asString().equals("mentoring.request.accepted")));
        assertThat(toAlice.valueStream()
                        .filter(x -> x.get("kind").asString().equals("mentoring.request.accepted"))
                        .findFirst()
                        .orElseThrow()
                        .get("label")
                        .asString())
                .isEqualTo("Request accepted");
    }

    @Test
    void answersBadRequestsWithA400AndAMessage() {
        assertBadRequest(http.postJson("/api/console/messages", "{not json"), "must be JSON");
        assertBadRequest(http.postJson("/api/console/messages", ""), "must be JSON");
        assertBadRequest(
                http.postJson("/api/console/messages", "{\"text\":\"/mentor help\"}"), "Missing field \"user\"");
        assertBadRequest(http.postJson("/api/console/messages", "{\"user\":\"alice\"}"), "Missing field \"text\"");
        assertBadRequest(http.postJson("/api/console/messages", "{\"user\":\"a b/c\",\"text\":\"x\"}"), "handle");
        assertBadRequest(
                http.postJson(
                        "/api/console/messages", "{\"user\":\"alice\",\"text\":\"x\",\"timezone\":\"Mars/Base\"}"),
                "IANA timezone");
        assertBadRequest(http.postJson("/api/console/messages", "[1,2]"), "must be JSON");
        assertBadRequest(http.postJson("/api/console/actions", "{\"user\":\"alice\"}"), "Missing field \"action\"");
        assertBadRequest(http.get("/api/console/inbox"), "Missing field \"user\"");
        assertBadRequest(http.get("/api/console/inbox?channel=a%2Fb"), "handle");
        JsonNode channel = body(http.get("/api/console/inbox?channel=programme"));
        assertThat(channel.get("user").asString()).isEqualTo("#programme");
        assertThat(channel.get("notifications").isArray()).isTrue();
        assertThat(http.post("/api/console/messages", "text/plain", "hello").statusCode())
                .isEqualTo(415);
        assertThat(http.get("/api/console/messages").statusCode()).isEqualTo(405);
        // time travel is off unless asked for
        assertThat(http.postJson("/api/console/clock", "{\"advance\":\"PT1H\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void showsTheStatsChartToTheDemoLeadAtAShortLivedLink() {
        JsonNode reply = say("lena", "/stats", "en");
        JsonNode image = reply.get("blocks")
                .valueStream()
                .filter(b -> b.get("type").asString().equals("image"))
                .findFirst()
                .orElseThrow();
        String path = image.get("url").asString().replaceAll("^https?://[^/]+", "");
        HttpResponse<String> png = http.get(path);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(http.get("/charts/" + "0".repeat(64) + ".png").statusCode()).isEqualTo(404);
        assertThat(http.get("/charts/nonsense.png").statusCode()).isEqualTo(404);
        String ready = say("lena", "/stats export quarter", "en").get("text").asString();
        HttpResponse<String> csv =
                http.get(ready.replaceAll("(?s).*https?://[^/]+(/exports/[0-9a-f]{64}\\.csv).*", "$1"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body()).startsWith("section,figure,value");
        assertThat(http.get("/exports/" + "0".repeat(64) + ".csv").statusCode()).isEqualTo(404);
        assertThat(say("alice", "/stats", "en").get("text").asString()).startsWith("That is for programme leads");
    }

    @Test
    void answersUnknownCommandsAndActionsKindlyNotWithAnError() {
        JsonNode reply = say("alice", "/mentor nonsense", "en");
        assertThat(reply.get("text").asString()).contains("I don't know \"nonsense\"", "/mentor help");
        HttpResponse<String> action = http.postJson(
                "/api/console/actions",
                "{\"user\":\"alice\",\"action\":\"mentoring.request\",\"value\":\"mentor=console%3Aghost\"}");
        assertThat(action.statusCode()).isEqualTo(200);
        assertThat(body(action).get("reply").get("text").asString()).contains("out of date");
    }

    @Test
    void servesTheConsolePage() {
        HttpResponse<String> page = http.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tandem");
    }

    private void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).get("error").asString()).contains(message);
    }
}

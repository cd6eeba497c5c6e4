package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole mentoring journey through the console's HTTP API, as a person would click it: find, request,
 * accept, schedule, the calendar invite, cancel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleJourneyTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("journey").toString());
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode say(Http http, String user, String text) {
        HttpResponse<String> r = http.postJson(
                "/api/console/messages",
                json.writeValueAsString(
                        Map.of("user", user, "text", text, "locale", "en", "timezone", "Europe/London")));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body()).get("reply");
    }

    private JsonNode click(Http http, String user, JsonNode button) {
        HttpResponse<String> r = http.postJson(
                "/api/console/actions",
                json.writeValueAsString(Map.of(
                        "user",
                        user,
                        "action",
                        button.get("action").asString(),
                        "value",
                        button.get("value").asString(),
                        "locale",
                        "en")));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body()).get("reply");
    }

    private static JsonNode button(JsonNode reply, String action) {
        return reply.findParents("action").stream()
                .filter(b -> b.get("action").asString().equals(action))
                .filter(b -> b.has("label"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(action + " in " + reply));
    }

    @Test
    void findsRequestsAcceptsSchedulesAndServesTheInvite() {
        Http http = new Http(port);
        JsonNode found = say(http, "alice", "/mentor find seo");
        JsonNode request = button(found, "mentoring.request");
        String mentor = request.get("value").asString().replaceAll(".*mentor=console%3A([^&]+).*", "$1");
        assertThat(click(http, "alice", request).get("text").asString()).startsWith("I've asked ");

        JsonNode inbox = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> json.readTree(http.get("/api/console/inbox?user=" + mentor)
                                        .body())
                                .get("notifications"),
                        n -> n.size() > 0);
        JsonNode accept = button(inbox.get(inbox.size() - 1).get("reply"), "mentoring.request.accept");
        assertThat(click(http, mentor, accept).get("text").asString()).contains("now a pair for SEO");

        JsonNode planned = say(http, "alice", "/mentor schedule @" + mentor + " tomorrow 15:00 1h First steps");
        Matcher link = Pattern.compile("/calendar/([a-f0-9]+)\\.ics")
                .matcher(planned.get("text").asString());
        assertThat(link.find()).as(planned.toString()).isTrue();

        HttpResponse<String> ics = http.get("/calendar/" + link.group(1) + ".ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String invite = ics.body().replace("\r\n ", "");
        assertThat(invite)
                .contains(
                        "METHOD:REQUEST",
                        "SEQUENCE:0",
                        "SUMMARY:Tandem: Alice Morgan & ",
                        "DESCRIPTION:First steps",
                        "STATUS:CONFIRMED");
        ZonedDateTime tomorrow = ZonedDateTime.now(ZoneId.of("Europe/London"))
                .plusDays(1)
                .withHour(15)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        String start = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(tomorrow.toInstant().atZone(ZoneOffset.UTC));
        assertThat(invite).contains("DTSTART:" + start);

        JsonNode sessions = say(http, "alice", "/mentor sessions");
        JsonNode cancel = button(sessions, "mentoring.session.cancel");
        assertThat(click(http, "alice", cancel).get("text").asString()).contains("Cancelled");
        String cancelled = http.get("/calendar/" + link.group(1) + ".ics").body();
        assertThat(cancelled).contains("METHOD:CANCEL", "SEQUENCE:1", "STATUS:CANCELLED");

        assertThat(http.get("/calendar/" + "0".repeat(64) + ".ics").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/calendar/not-a-token.ics").statusCode()).isEqualTo(404);
    }
}

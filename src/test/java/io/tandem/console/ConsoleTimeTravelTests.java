package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.Nudge;
import io.tandem.nudges.NudgeStore;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console with time travel on and Quartz running, as a user would demo it: plan a session, move the clock,
 * watch the reminder and the check-in arrive. Also: Quartz sends a due nudge on its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tandem.console.time-travel=true", "tandem.nudges.poll-interval=200ms"})
class ConsoleTimeTravelTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("console-time").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TravelClock clock;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    NudgeStore nudges;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode post(String path, Object body) {
        HttpResponse<String> response = new Http(port).postJson(path, json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String say(String user, String text) {
        return post("/api/console/messages", Map.of("user", user, "text", text))
                .get("reply")
                .get("text")
                .asString();
    }

    private String inbox(String user) {
        return new Http(port).get("/api/console/inbox?user=" + user).body();
    }

    private String button(String user, String action) {
        JsonNode inbox = json.readTree(inbox(user));
        for (JsonNode n : inbox.get("notifications")) {
            for (JsonNode block : n.get("reply").get("blocks")) {
                for (JsonNode b : block.path("buttons")) {
                    if (b.get("action").asString().equals(action)) {
                        return b.get("value").asString();
                    }
                }
            }
        }
        throw new AssertionError(action + " not in " + inbox);
    }

    private void advance(Duration by) {
        JsonNode moved = post("/api/console/clock", Map.of("advance", by.toString()));
        assertThat(Instant.parse(moved.get("now").asString()))
                .isAfterOrEqualTo(clock.instant().minusSeconds(5));
    }

    @Test
    void showsTomorrowsReminderAndTheCheckInAfterTheSession() {
        say("alice", "/mentor request @bob seo");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("bob").contains("mentoring.request.accept"));
        post(
                "/api/console/actions",
                Map.of(
                        "user",
                        "bob",
                        "action",
                        "mentoring.request.accept",
                        "value",
                        button("bob", "mentoring.request.accept")));
        // a Tuesday, Wednesday or Thursday at least three days ahead (alice's time: London), so the days before
        // and after are working days whatever day the test runs
        LocalDate day =
                clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDate().plusDays(3);
        while (day.getDayOfWeek().compareTo(DayOfWeek.TUESDAY) < 0
                || day.getDayOfWeek().compareTo(DayOfWeek.THURSDAY) > 0) {
            day = day.plusDays(1);
        }
        assertThat(say("alice", "/mentor schedule @bob " + day + " 10:00")).contains("Session with Bob Carter planned");
        Session session = sessionStore.sessions(new MemberId("console", "alice")).stream()
                .filter(s -> s.other().user().equals("bob") && s.status() == Session.Status.SCHEDULED)
                .max(Comparator.comparing(Session::createdAt))
                .orElseThrow();

        advance(Duration.between(clock.instant(), session.start().minus(Duration.ofMinutes(30))));
        await().atMost(Duration.ofSeconds(10))
                .failFast(() -> false)
                .until(() -> inbox("alice").contains("Reminder: your session with Bob"));
        assertThat(inbox("bob")).contains("Reminder: your session with Alice Morgan");

        advance(Duration.ofDays(1)); // the next morning, a weekday: the session ended yesterday
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("alice").contains("How was your session with Bob"));
    }

    @Test
    void quartzSendsDueNudgesByItself() {
        MemberId channel = new MemberId("console", "#quartz");
        nudges.put(new Nudge(
                "notice:quartz",
                channel,
                Nudge.Kind.NOTICE,
                clock.instant(),
                null,
                new Notification(channel, "nudge.notice", Reply.text("sent by the scheduler")),
                null));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> new Http(port)
                        .get("/api/console/inbox?channel=quartz")
                        .body()
                        .contains("sent by the scheduler"));
    }

    @Test
    void saysWhatIsWaitingAndWhenItGoes() {
        MemberId channel = new MemberId("console", "#later");
        Instant due = clock.instant().plus(Duration.ofDays(30));
        nudges.put(new Nudge(
                "notice:later",
                channel,
                Nudge.Kind.NOTICE,
                due,
                null,
                new Notification(channel, "nudge.notice", Reply.text("a month later")),
                null));
        try {
            JsonNode moved =
                    post("/api/console/clock", Map.of("advance", "PT1H", "locale", "fr", "timezone", "Europe/Paris"));
            JsonNode waiting = moved.get("waiting");
            assertThat(waiting.isArray()).as(moved.toString()).isTrue();
            String first = waiting.get(0).asString();
            assertThat(first)
                    .matches("(Une relance attend : elle part|\\d+ relances attendent : la première part)"
                            + " le .*\\(Europe/Paris\\)\\.");
            if (moved.get("sent").asInt() == 0) {
                assertThat(waiting.get(1).asString()).contains("heures de travail");
            }
            JsonNode english = post("/api/console/clock", Map.of("advance", "PT1M"));
            assertThat(english.get("waiting").get(0).asString())
                    .containsPattern("waiting: (it|the first) goes out on")
                    .endsWith("(UTC).");
        } finally {
            nudges.remove("console", "notice:later");
        }
        assertThat(new Http(port)
                        .postJson("/api/console/clock", "{\"advance\":\"PT1H\",\"timezone\":\"Mars/Base\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesToTravelBackOrWithNonsense() {
        Http http = new Http(port);
        assertThat(http.postJson("/api/console/clock", "{\"advance\":\"-PT1H\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.postJson("/api/console/clock", "{\"advance\":\"tomorrow\"}")
                        .body())
                .contains("ISO-8601");
        assertThat(http.postJson("/api/console/clock", "{}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/console/clock", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void cannotBeTurnedOnWithSlackTeamsOrARealRedis() {
        for (String property :
                new String[] {"tandem.slack.bot-token", "tandem.teams.app-id", "spring.data.redis.url"}) {
            MockEnvironment env = new MockEnvironment().withProperty(property, "set");
            assertThatThrownBy(() -> new ConsoleClockController(clock, null, null, null, env))
                    .hasMessageContaining("for local demos only")
                    .hasMessageContaining(property);
        }
    }
}

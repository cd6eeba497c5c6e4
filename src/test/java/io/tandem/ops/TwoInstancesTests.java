package io.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.FakeSlackApi;
import io.tandem.support.Ports;
import io.tandem.support.SlackRequests;
import io.tandem.support.TandemProcesses;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Tandem processes on one Redis behind a round-robin "load balancer", as in Kubernetes: Slack commands,
 * button clicks and a retried event land on either; requests, acceptances and session reminders (due within a
 * minute, dispatched by both instances' Quartz jobs) each reach Slack exactly once. Both write JSON logs, in which
 * no token or signing secret appears.
 */
class TwoInstancesTests {

    private static final String TOKEN = "xoxb-two-instances-4d1c8e";
    private static final String SECRET = "two-instances-secret-a93f";
    private static final int PAIRS = 12;
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final FakeSlackApi slack = FakeSlackApi.start();
    private static RedisServer redis;
    private static final List<Instance> instances = new ArrayList<>();

    record Instance(Process process, int port, Path log, SlackRequests requests) {}

    @BeforeAll
    static void startTwoInstances() throws IOException {
        int redisPort = Ports.free();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        Path dir = TestDataDirs.fresh("two-instances");
        for (String name : List.of("a", "b")) {
            int port = Ports.free();
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = TandemProcesses.builder(
                    port,
                    log,
                    "--tandem.data-dir=" + dir.resolve(name),
                    "--tandem.demo.enabled=false",
                    "--tandem.console.enabled=false",
                    "--tandem.teams.emulator=false",
                    "--tandem.slack.api-url=" + slack.apiUrl(),
                    // nudges looked for every second; reminders an hour before, at any hour of any day
                    "--tandem.nudges.poll-interval=1s",
                    "--tandem.nudges.reminders=60m",
                    "--tandem.nudges.workday-start=00:00",
                    "--tandem.nudges.workday-end=23:59",
                    "--tandem.nudges.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
            Map<String, String> env = builder.environment();
            env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            instances.add(new Instance(builder.start(), port, log, new SlackRequests(port, SECRET)));
        }
        for (Instance instance : instances) {
            TandemProcesses.awaitReady(instance.process(), instance.port(), instance.log());
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Instance instance : instances) {
            TandemProcesses.stop(instance.process());
        }
        slack.close();
        if (redis != null) {
            redis.stop();
        }
    }

    private static SlackRequests next(int i) {
        return instances.get(i % instances.size()).requests();
    }

    @Test
    void handleEachEventOnceAndDeliverEachNotificationAndNudgeOnce() throws Exception {
        for (int i = 0; i < PAIRS; i++) {
            slack.addUser(mentor(i), "Mentor " + i, "UTC", "en-GB");
            slack.addUser(learner(i), "Learner " + i, "UTC", "en-GB");
            assertThat(next(i).command("/mentor", "teach seo", mentor(i), slack.responseUrl("t" + i))
                            .statusCode())
                    .isEqualTo(200);
        }
        for (int i = 0; i < PAIRS; i++) {
            assertThat(next(i + 1)
                            .command(
                                    "/mentor",
                                    "request <@" + mentor(i) + "> seo Please",
                                    learner(i),
                                    slack.responseUrl("r" + i))
                            .statusCode())
                    .isEqualTo(200);
        }
        // each request reaches its mentor once, whichever instance took it and whichever delivered it
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsReceived().size() == PAIRS);
        for (FakeSlackApi.Call dm : requestsReceived()) {
            String mentor = dm.param("channel").substring(1);
            String accept = buttonValue(dm.param("blocks"), "mentoring.request.accept");
            int i = Integer.parseInt(mentor.substring("U0M".length()));
            assertThat(next(i).interaction(click(mentor, dm.param("channel"), accept))
                            .statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> posts("accepted: you are now a pair").size() == PAIRS);

        // a DM event that Slack retries on the other instance is handled once
        String event = """
                {"token":"legacy","team_id":"T0TEST","api_app_id":"A0TANDEM","type":"event_callback",\
                "event_id":"EvTwice","event_time":1700000000,"event":{"type":"message","channel_type":"im",\
                "channel":"DU0L0","user":"U0L0","text":"find seo","ts":"1.1","event_ts":"1.1"}}""";
        assertThat(next(0).event(event, Map.of()).statusCode()).isEqualTo(200);
        assertThat(next(1).event(event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                        .statusCode())
                .isEqualTo(200);

        // sessions an hour and a minute or two away: their reminders fall due within the next minute and a half
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        LocalDateTime start = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() > 40 ? 62 : 61);
        String when = start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        for (int i = 0; i < PAIRS; i++) {
            assertThat(next(i).command(
                                    "/mentor",
                                    "schedule <@" + mentor(i) + "> " + when + " 45m SEO",
                                    learner(i),
                                    slack.responseUrl("s" + i))
                            .statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> posts("Reminder: your session with").size() >= 2 * PAIRS);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> posts("Reminder: your session with").size() == 2 * PAIRS);

        assertThat(posts("Mentors for SEO").stream()
                        .filter(c -> c.param("channel").equals("DU0L0")))
                .hasSize(1);
        Map<String, Long> sent = slack.calls("chat.postMessage").stream()
                .collect(Collectors.groupingBy(c -> c.param("channel") + " " + c.param("text"), Collectors.counting()));
        assertThat(sent)
                .as("messages sent twice")
                .allSatisfy((message, times) -> assertThat(times).isEqualTo(1));
        assertThat(posts("Reminder: your session with").stream()
                        .map(c -> c.param("channel"))
                        .distinct())
                .hasSize(2 * PAIRS);
        assertThat(slack.calls("chat.postMessage"))
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(TOKEN));

        // both instances did some of the work, and wrote only JSON lines without a secret in them
        for (Instance instance : instances) {
            List<String> lines = Files.readAllLines(instance.log()).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertThat(entry.has("@timestamp") && entry.has("message"))
                        .as(line)
                        .isTrue();
                assertThat(line).doesNotContain(TOKEN, SECRET);
            }
        }
    }

    private static String mentor(int i) {
        return "U0M" + i;
    }

    private static String learner(int i) {
        return "U0L" + i;
    }

    private static List<FakeSlackApi.Call> posts(String containing) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("text") != null && c.param("text").contains(containing))
                .toList();
    }

    private static List<FakeSlackApi.Call> requestsReceived() {
        return posts("would like to learn");
    }

    private static String buttonValue(String blocks, String actionId) {
        for (JsonNode block : json.readTree(blocks)) {
            if (block.has("elements")) {
                for (JsonNode element : block.get("elements")) {
                    if (element.has("action_id")
                            && element.get("action_id").asString().equals(actionId)) {
                        return element.get("value").asString();
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button in " + blocks);
    }

    private static String click(String user, String channel, String value) {
        return """
                {"type":"block_actions","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","container":{"type":"message","message_ts":"1.2","channel_id":"%s"},
                 "trigger_id":"trigger-click","channel":{"id":"%s","name":"directmessage"},"response_url":"%s",
                 "actions":[{"action_id":"mentoring.request.accept","block_id":"b1","type":"button",
                   "action_ts":"1.1","text":{"type":"plain_text","text":"Accept"},"value":%s}]}
                """.formatted(
                        user, channel, channel, slack.responseUrl("click-" + user), json.writeValueAsString(value));
    }
}

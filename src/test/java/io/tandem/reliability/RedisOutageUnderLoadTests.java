package io.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis goes away while four members keep typing commands in the console, until they have had two answers a member
 * while it is away, then comes back on the same port. No answer is a 5xx; while Redis is away every answer is the
 * friendly "temporarily unavailable"; Tandem recovers by itself; and every {@code teach} that was confirmed is still
 * in the profile.
 *
 * <p>The outage is a real stop of {@code redis-server} (connections refused, open connections closed), not
 * {@code CLIENT PAUSE} or {@code DEBUG SLEEP}: those keep the connections open and only delay answers, which
 * tests a slow Redis, not a missing one. A stopped non-persistent server would come back empty, and "nothing
 * confirmed is lost" could not be checked, so the server keeps an append-only file in a temporary folder with
 * {@code appendfsync always}: each write is on disk before Redis acknowledges it, so whatever Tandem confirmed
 * before the stop must be there after the restart (as with a managed Redis that fails over without losing
 * acknowledged writes).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tandem.demo.enabled=false", "tandem.console.enabled=true"})
class RedisOutageUnderLoadTests {

    static final List<String> SKILLS = List.of(
            "seo", "negotiation", "public speaking", "social media", "sql", "storytelling", "python", "spreadsheets");
    static final int MEMBERS = 4;

    private static int redisPort;
    private static Path redisDir;
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redisDir = TestDataDirs.fresh("outage-load");
        startServer();
    }

    private static void startServer() throws IOException {
        redis = RedisServer.newRedisServer()
                .port(redisPort)
                .bind("127.0.0.1")
                .setting("dir " + redisDir)
                .setting("appendonly yes")
                .setting("appendfsync always")
                .build();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    @DynamicPropertySource
    static void externalRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + redisPort);
        registry.add(
                "tandem.data-dir", () -> TestDataDirs.fresh("outage-load-app").toString());
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String unavailable = Messages.of(Language.EN).get("error.unavailable");
    private final String teachOk =
            Messages.of(Language.EN).get("skills.teach.now", "\u0000").split("\u0000")[0];

    /** One answer: when it was asked and answered (nanoTime), the command, the status and the reply text. */
    record Answer(long asked, long answered, String command, int status, String text) {}

    @Test
    void answersKindlyWhileRedisIsDownAndLosesNothingConfirmed() throws Exception {
        Http http = new Http(port);
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        Map<String, Set<String>> confirmed = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(MEMBERS);
        for (int m = 0; m < MEMBERS; m++) {
            String member = "load" + m;
            String other = "load" + ((m + 1) % MEMBERS);
            confirmed.put(member, ConcurrentHashMap.newKeySet());
            load.execute(() -> {
                for (int i = 0; running.get(); i++) {
                    String skill = SKILLS.get(i % SKILLS.size());
                    String command = switch (i % 3) {
                        case 0 -> "/mentor teach " + skill;
                        case 1 -> "/mentor find " + skill;
                        default -> "/mentor request @" + other + " " + skill;
                    };
                    Answer answer = say(http, member, command);
                    answers.add(answer);
                    if (command.startsWith("/mentor teach") && answer.text().startsWith(teachOk)) {
                        confirmed.get(member).add(skill);
                    }
                }
            });
        }
        await("every member has had a teach confirmed before the outage")
                .atMost(Duration.ofSeconds(30))
                .until(() -> confirmed.values().stream().noneMatch(Set::isEmpty));
        long stopping = System.nanoTime();
        redis.stop();
        long stopped = System.nanoTime();
        await("answers while Redis is down, two a member")
                .atMost(Duration.ofSeconds(30))
                .until(() -> answers.stream().filter(a -> a.asked() > stopped).count() >= MEMBERS * 2L);
        long restarting = System.nanoTime();
        startServer();
        await("commands succeed again")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> succeededSince(answers, restarting) >= MEMBERS * 3L);
        await("the load goes on after the recovery")
                .atMost(Duration.ofSeconds(15))
                .until(() -> succeededSince(answers, restarting) >= MEMBERS * 6L);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(answers).as("answers").allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isLessThan(500);
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            assertThat(a.text())
                    .as(a.toString())
                    .isNotBlank()
                    .isNotEqualTo(Messages.of(Language.EN).get("error.unexpected"));
        });
        List<Answer> duringOutage = answers.stream()
                .filter(a -> a.asked() > stopped && a.answered() < restarting)
                .toList();
        assertThat(duringOutage)
                .as("answers while Redis was down")
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.text()).as(a.toString()).isEqualTo(unavailable));
        assertThat(answers.stream()
                        .filter(a -> a.answered() < stopping && a.text().equals(unavailable)))
                .as("unavailable before the outage")
                .isEmpty();
        assertThat(answers.stream()
                        .filter(a -> a.asked() > restarting && !a.text().equals(unavailable)))
                .as("commands that succeeded after the restart")
                .isNotEmpty();

        for (Map.Entry<String, Set<String>> member : confirmed.entrySet()) {
            assertThat(member.getValue())
                    .as("confirmed teaches of " + member.getKey())
                    .isNotEmpty();
            String profile =
                    say(http, member.getKey(), "/mentor profile").text().toLowerCase(Locale.ROOT);
            assertThat(member.getValue())
                    .as("in the profile of " + member.getKey() + ": " + profile)
                    .allSatisfy(skill -> assertThat(profile).contains(skill));
        }
    }

    /** Answers to commands asked after {@code since} that did not say Redis was away. */
    private long succeededSince(Queue<Answer> answers, long since) {
        return answers.stream()
                .filter(a -> a.asked() > since && a.status() == 200 && !a.text().equals(unavailable))
                .count();
    }

    private Answer say(Http http, String member, String command) {
        long asked = System.nanoTime();
        HttpResponse<String> response =
                http.postJson("/api/console/messages", "{\"user\":\"" + member + "\",\"text\":\"" + command + "\"}");
        String text = response.statusCode() == 200
                ? json.readTree(response.body()).path("reply").path("text").asString("")
                : response.body();
        return new Answer(asked, System.nanoTime(), command, response.statusCode(), text);
    }
}

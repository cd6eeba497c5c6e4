package io.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.store.RedisDeliveryQueue;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Ports;
import io.tandem.support.TandemProcesses;
import io.tandem.support.TestDataDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Tandem process killed (SIGKILL, no shutdown at all) in the middle of a fan-out, and another started on the
 * same Redis: nothing is lost, and nothing goes out twice. The sends under way at the kill are in doubt (Slack may
 * have had them); the second instance finds those in the DMs' history by the delivery id in their metadata.
 */
class KilledInstanceTests {

    private static final int NOTIFICATIONS = 300;
    private static final int THREADS = 4;
    private static final int FIRST_ANSWERED = 60;
    private static final int UNLIMITED = 1_000_000;

    @Test
    void losesNothingWhenAnInstanceIsKilledMidFanOut() throws Exception {
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        int redisPort = Ports.free();
        RedisServer redis =
                RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort));
        factory.afterPropertiesSet();
        factory.start();
        List<Process> processes = new ArrayList<>();
        // Slack answers the first sends at once and keeps the next ones waiting, so that some are under way when the
        // kill comes; the test lets them through after it
        Semaphore answers = new Semaphore(FIRST_ANSWERED);
        AtomicInteger waiting = new AtomicInteger();
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.on("chat.postMessage", call -> {
                waiting.incrementAndGet();
                answers.acquireUninterruptibly();
                waiting.decrementAndGet();
                delivered
                        .computeIfAbsent(call.param("text"), t -> new AtomicInteger())
                        .incrementAndGet();
                return slack.defaultAnswer(call);
            });
            StringRedisTemplate template = new StringRedisTemplate(factory);
            RedisDeliveryQueue queue =
                    new RedisDeliveryQueue(template, JsonMapper.builder().build(), Clock.systemUTC());
            for (int i = 0; i < NOTIFICATIONS; i++) {
                queue.enqueue(new Notification(
                        MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "U" + i), "test", Reply.text("killed " + i)));
            }
            Process first = start(slack, redisPort, "first");
            processes.add(first);
            await().atMost(Duration.ofSeconds(90)).until(() -> delivered.size() >= FIRST_ANSWERED && waiting.get() > 0);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            int beforeTheKill = delivered.size();
            assertThat(beforeTheKill).as("killed in the middle").isLessThan(NOTIFICATIONS);
            // the sends under way at the kill reach Slack all the same, unknown to the dead instance
            answers.release(UNLIMITED);
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting.get() == 0);

            processes.add(start(slack, redisPort, "second"));
            await().atMost(Duration.ofSeconds(120)).until(() -> delivered.size() == NOTIFICATIONS);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> delivered.size() == NOTIFICATIONS);
            assertThat(delivered.values())
                    .as("each sent once")
                    .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(slack.calls("conversations.history"))
                    .as("the sends in doubt were looked for")
                    .isNotEmpty();
            assertThat(queue.depth(Platform.SLACK)).isZero();
        } finally {
            answers.release(UNLIMITED);
            for (Process p : processes) {
                TandemProcesses.stop(p);
            }
            factory.destroy();
            redis.stop();
        }
    }

    private static Process start(FakeSlackApi slack, int redisPort, String name) throws Exception {
        Path dir = TestDataDirs.fresh("killed-" + name);
        int port = Ports.free();
        Path log = dir.resolve("out.log");
        Process process = TandemProcesses.builder(
                        port,
                        log,
                        "--tandem.data-dir=" + dir,
                        "--tandem.demo.enabled=false",
                        "--tandem.console.enabled=false",
                        "--tandem.teams.emulator=false",
                        "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                        "--tandem.slack.bot-token=xoxb-killed",
                        "--tandem.slack.signing-secret=killed",
                        "--tandem.slack.api-url=" + slack.apiUrl(),
                        // a dead instance's claims come back after the lease
                        "--tandem.delivery.lease=5s",
                        "--tandem.delivery.threads=" + THREADS)
                .start();
        TandemProcesses.awaitReady(process, port, log);
        return process;
    }
}

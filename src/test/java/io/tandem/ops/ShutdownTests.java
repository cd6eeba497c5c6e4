package io.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemApplication;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A rolling restart loses nothing and sends nothing twice: on shutdown Tandem stops taking work, answers the
 * commands it had acknowledged, finishes the sends under way and puts back those it had not started, all before
 * its (embedded) Redis stops; the next start delivers the rest.
 */
class ShutdownTests {

    private static final String SECRET = "shutdown-secret";
    private final FakeSlackApi slack = FakeSlackApi.start();
    /** Opened when the first instance begins to stop (or the test ends): the slow calls wait for it. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    @AfterEach
    void stopFake() {
        stopping.countDown();
        slack.close();
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        // arguments, as an operator would pass them: they win over application.yml
        return new SpringApplicationBuilder(TandemApplication.class)
                .run(
                        "--server.port=0",
                        "--tandem.data-dir=" + dataDir,
                        "--tandem.demo.enabled=false",
                        "--tandem.teams.emulator=false",
                        "--tandem.slack.bot-token=xoxb-shutdown",
                        "--tandem.slack.signing-secret=" + SECRET,
                        "--tandem.slack.api-url=" + slack.apiUrl(),
                        "--spring.quartz.auto-startup=false",
                        // commands answer later through response_url, so some are still running when the stop comes
                        "--tandem.slack.ack-budget=1ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void answersAcknowledgedCommandsAndDeliversEachNotificationOnceAcrossARestart() {
        Path dataDir = TestDataDirs.fresh("shutdown");
        // every send and every late answer of the first instance waits for the stop to begin, as over a slow
        // network: they are all under way when it comes
        AtomicInteger sendsUnderWay = new AtomicInteger();
        Function<FakeSlackApi.Call, FakeSlackApi.Reply> slowly = call -> {
            try {
                stopping.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return slack.defaultAnswer(call);
        };
        slack.on("chat.postMessage", call -> {
            sendsUnderWay.incrementAndGet();
            return slowly.apply(call);
        });
        slack.on(FakeSlackApi.RESPONSE_URL, slowly);
        slack.addUser("U0ALICE", "Alice Morgan", "Europe/London", "en-GB");
        slack.addUser("U0BOB", "Bob Carter", "Europe/London", "en-GB");
        List<String> expected = new ArrayList<>();

        ConfigurableApplicationContext first = start(dataDir);
        first.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> stopping.countDown());
        SlackRequests requests = new SlackRequests(port(first), SECRET);
        requests.command("/mentor", "teach seo", "U0BOB", slack.responseUrl("setup"));
        DeliveryQueue queue = first.getBean(DeliveryQueue.class);
        for (int i = 0; i < 120; i++) {
            String text = "notification " + i;
            expected.add(text);
            queue.enqueue(new Notification(
                    MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "U" + i), "test", Reply.text(text)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sendsUnderWay.get() > 0);
        List<CompletableFuture<Integer>> commands = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "find-" + i;
            commands.add(CompletableFuture.supplyAsync(
                    () -> requests.command("/mentor", "find seo", "U0ALICE", slack.responseUrl(id))
                            .statusCode()));
        }
        commands.forEach(c -> assertThat(c.join()).isEqualTo(200));
        first.close(); // what SIGTERM does

        // every command Slack was told about was answered, and answered well, before Redis went
        assertThat(slack.calls(FakeSlackApi.RESPONSE_URL).stream()
                        .filter(c -> c.param("response_url_id").startsWith("find-")
                                && c.rawBody().contains("Bob Carter"))
                        .map(c -> c.param("response_url_id"))
                        .distinct()
                        .count())
                .isEqualTo(40);
        int sentBeforeRestart = delivered().size();
        assertThat(sentBeforeRestart)
                .as("the stop came in the middle of the fan-out")
                .isLessThan(120);

        ConfigurableApplicationContext second = start(dataDir);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().size() >= 120);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> delivered().size() == 120);
        } finally {
            second.close();
        }
        Map<String, Long> times = delivered().stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(times.values()).as("sent twice").allMatch(n -> n == 1);
    }

    private List<String> delivered() {
        return slack.calls("chat.postMessage").stream()
                .map(c -> c.param("text"))
                .filter(t -> t != null && t.startsWith("notification "))
                .toList();
    }
}

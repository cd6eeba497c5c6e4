package io.tandem.bench;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import io.tandem.TandemApplication;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Ports;
import io.tandem.support.TestDataDirs;
import io.tandem.teams.FakeAzureTokens;
import io.tandem.teams.TeamsConversations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * 10,000 notifications through the delivery queue to fakes that enforce rate limits and answer 429 with
 * {@code Retry-After} beyond them: Slack (one message per second per channel, a workspace budget per second) and
 * Teams (one message per second per conversation, a budget per second), each with two Tandem instances on one Redis.
 * Total time against the least those limits allow, messages lost and sent twice.
 */
@Tag("bench")
class FanOutBench {

    private static final int NOTIFICATIONS = Integer.getInteger("bench.fanout", 10_000);
    private static final int MEMBERS = 1_000;
    private static final int BUDGET_PER_SECOND = 200;

    @Test
    void slackWithTwoInstances() throws Exception {
        // the operator's setting: a little under the workspace's budget (README "Configuration")
        slack("3-fan-out-slack", "Slack, 2 instances", BUDGET_PER_SECOND * 95 / 100);
    }

    @Test
    void slackWithTwoInstancesAndNoRateSet() throws Exception {
        // out of the box: Tandem learns the workspace's rate from the first 429
        slack("3-fan-out-slack-unset", "Slack, 2 instances, no rate set", 0);
    }

    private void slack(String file, String section, int workspaceRate) throws Exception {
        BenchResults results = new BenchResults(file);
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
            slack.on("chat.postMessage", call -> {
                delivered
                        .computeIfAbsent(call.param("text"), t -> new AtomicInteger())
                        .incrementAndGet();
                return slack.defaultAnswer(call);
            });
            slack.limitPostMessagePerChannel(Duration.ofSeconds(1));
            slack.limitWorkspace("chat.postMessage", BUDGET_PER_SECOND);
            int redisPort = Ports.free();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .build();
            redis.start();
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                for (String name : List.of("a", "b")) {
                    instances.add(start(
                            List.of(TandemApplication.class),
                            TestDataDirs.fresh("bench-fanout-" + name),
                            "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                            "--tandem.slack.bot-token=xoxb-bench",
                            "--tandem.slack.signing-secret=bench",
                            "--tandem.slack.api-url=" + slack.apiUrl(),
                            "--tandem.slack.workspace-rate=" + workspaceRate));
                }
                DeliveryQueue queue = instances.get(0).getBean(DeliveryQueue.class);
                long took = fanOut(
                        queue, i -> MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "U" + (i % MEMBERS)), delivered);
                report(results, section, took, delivered, slack.refused("chat.postMessage"));
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
                redis.stop();
            }
        }
    }

    @Test
    void teamsWithTwoInstances() throws Exception {
        BenchResults results = new BenchResults("4-fan-out-teams");
        try (FakeBotConnector teams = FakeBotConnector.start()) {
            int redisPort = Ports.free();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .build();
            redis.start();
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                for (String name : List.of("a", "b")) {
                    // with credentials (a shared Redis is no place for the emulator mode); tokens from a fake
                    instances.add(start(
                            List.of(TandemApplication.class, FakeAzureTokens.class),
                            TestDataDirs.fresh("bench-fanout-teams-" + name),
                            "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                            "--spring.main.allow-bean-definition-overriding=true",
                            "--tandem.teams.app-id=" + FakeBotConnector.BOT_APP_ID,
                            "--tandem.teams.app-password=bench",
                            "--tandem.teams.tenant-id=" + FakeBotConnector.TENANT_ID,
                            "--tandem.teams.tenant-rate=" + BUDGET_PER_SECOND * 95 / 100));
                }
                // each member talked to Tandem once: their conversation reference is kept, as on a first message
                TeamsConversations conversations = instances.get(0).getBean(TeamsConversations.class);
                JacksonAdapter sdkJson = new JacksonAdapter();
                for (int i = 0; i < MEMBERS; i++) {
                    Activity hello = sdkJson.deserialize(
                            teams.activities()
                                    .personalMessage("help", "aad-" + i, "Member " + i, "en-GB", "Europe/London"),
                            Activity.class);
                    conversations.save(
                            MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-" + i),
                            sdkJson.serialize(hello.getConversationReference()));
                }
                Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
                teams.reset();
                teams.limit(Duration.ofSeconds(1), BUDGET_PER_SECOND);
                Thread counter = new Thread(() -> {
                    int seen = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        List<FakeBotConnector.Call> calls = teams.sentActivities();
                        for (; seen < calls.size(); seen++) {
                            String text = textOf(calls.get(seen));
                            if (calls.get(seen).accepted() && text != null) {
                                delivered
                                        .computeIfAbsent(text, t -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                        sleep(50);
                    }
                });
                counter.setDaemon(true);
                counter.start();
                long took = fanOut(
                        instances.get(0).getBean(DeliveryQueue.class),
                        i -> MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-" + (i % MEMBERS)),
                        delivered);
                counter.interrupt();
                report(results, "Teams, 2 instances", took, delivered, teams.refused());
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
                redis.stop();
            }
        }
    }

    /** A message's text, or its card's fallback text. */
    private static String textOf(FakeBotConnector.Call call) {
        if (call.text() != null) {
            return call.text();
        }
        return call.attachments().stream()
                .map(a -> a.path("content").path("fallbackText").asText(null))
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }

    /** Queues the notifications and waits until every one was delivered (or 5 minutes); nanoseconds taken. */
    private static long fanOut(
            DeliveryQueue queue, IntFunction<MemberId> recipient, Map<String, AtomicInteger> delivered) {
        long start = System.nanoTime();
        for (int i = 0; i < NOTIFICATIONS; i++) {
            queue.enqueue(new Notification(recipient.apply(i), "bench", Reply.text("fan-out " + i)));
        }
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (count(delivered) < NOTIFICATIONS && System.nanoTime() < deadline) {
            sleep(20);
        }
        long took = System.nanoTime() - start;
        sleep(3_000); // anything sent twice shows up now
        return took;
    }

    private static long count(Map<String, AtomicInteger> delivered) {
        return delivered.keySet().stream()
                .filter(t -> t != null && t.startsWith("fan-out "))
                .count();
    }

    private static void report(
            BenchResults results, String section, long took, Map<String, AtomicInteger> delivered, int refused) {
        double seconds = took / 1e9;
        int perMember = NOTIFICATIONS / MEMBERS;
        double least = Math.max(perMember - 1, (double) NOTIFICATIONS / BUDGET_PER_SECOND);
        long lost = NOTIFICATIONS - count(delivered);
        long twice = delivered.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().startsWith("fan-out "))
                .filter(e -> e.getValue().get() > 1)
                .count();
        String limits = String.format(
                Locale.ROOT,
                "%,d to %,d members; 1/s per conversation, %d/s in all",
                NOTIFICATIONS,
                MEMBERS,
                BUDGET_PER_SECOND);
        results.info(section, "load", limits);
        results.record(
                section,
                "total time (least the limits allow: " + BenchResults.num(least) + " s)",
                String.format(Locale.ROOT, "%.1f s (%.2f×)", seconds, seconds / least),
                "≤ 1.1×",
                seconds <= 1.1 * least);
        results.record(section, "lost", String.valueOf(lost), "0", lost == 0);
        results.record(section, "sent twice", String.valueOf(twice), "0", twice == 0);
        results.info(section, "429s received", String.valueOf(refused));
    }

    private static ConfigurableApplicationContext start(List<Class<?>> sources, Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tandem.data-dir=" + dataDir,
                "--tandem.demo.enabled=false",
                "--spring.quartz.auto-startup=false",
                "--logging.level.root=WARN",
                // what Tandem learns from each 429
                "--logging.level.io.tandem.delivery.Pacing=INFO"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

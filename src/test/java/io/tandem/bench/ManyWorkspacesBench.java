package io.tandem.bench;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.demo.SyntheticOrganisation;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillCatalog;
import io.tandem.support.FailoverFanOut;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.RedisClusterForTests;
import io.tandem.support.SharedRedisInstances;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A host serving many Slack workspaces on a Redis Cluster (3 primaries, 3 replicas, on this machine) with two
 * Tandem instances: 1,000 workspaces of 100 members ({@code bench.workspaces}, {@code bench.members}). Members
 * written; {@code /mentor find} at a steady rate spread over the workspaces; then one message to every member at
 * once, each workspace paced at {@value #WORKSPACE_RATE} a second (a little under Slack's several hundred a
 * minute): each workspace's completion against its own floor (its members over its rate), the spread between
 * workspaces, and how long a message to a quiet workspace waits while the fan-out runs. Last, a primary killed in
 * the middle of a fan-out: what was lost and what was sent twice.
 */
@Tag("bench")
class ManyWorkspacesBench {

    private static final int WORKSPACES = Integer.getInteger("bench.workspaces", 1000);
    private static final int MEMBERS = Integer.getInteger("bench.members", 100);
    private static final int COMMAND_RATE = Integer.getInteger("bench.cluster.rate", 200);
    private static final Duration COMMANDS_FOR = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int WORKSPACE_RATE = 5;
    private static final int PROBES = 20;
    private static final String PREFIX = "many ";

    @Test
    void thousandWorkspacesOnARedisCluster() throws Exception {
        BenchResults results = new BenchResults("6-many-workspaces");
        String section = WORKSPACES + " Slack workspaces × " + MEMBERS + " members, Redis Cluster 3+3, 2 instances";
        Map<String, Long> lastArrival = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
        AtomicLong twice = new AtomicLong();
        try (FakeSlackApi slack = FakeSlackApi.start();
                SharedRedisInstances tandem = SharedRedisInstances.onCluster(
                        RedisClusterForTests.start(),
                        2,
                        "--tandem.slack.bot-token=xoxb-many",
                        "--tandem.slack.signing-secret=many",
                        "--tandem.slack.api-url=" + slack.apiUrl(),
                        "--tandem.slack.workspace-rate=" + WORKSPACE_RATE,
                        "--tandem.delivery.threads=32",
                        "--logging.level.io.tandem=WARN")) {
            slack.on("chat.postMessage", call -> {
                String text = call.param("text");
                if (text != null && text.startsWith(PREFIX)) {
                    if (arrivals.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet() > 1) {
                        twice.incrementAndGet();
                    }
                    lastArrival.merge(workspaceOf(text), System.nanoTime(), Math::max);
                }
                return slack.defaultAnswer(call);
            });

            // members
            List<Skill> skills = List.copyOf(tandem.bean(0, SkillCatalog.class).all());
            ProfileStore profiles = tandem.bean(0, ProfileStore.class);
            long writing = System.nanoTime();
            for (int w = 0; w < WORKSPACES; w++) {
                List<Profile> org = SyntheticOrganisation.generate(MEMBERS, "slack:T" + w, skills, Instant.EPOCH);
                profiles.saveAll(org);
            }
            double wrote = WORKSPACES * (double) MEMBERS / ((System.nanoTime() - writing) / 1e9);
            results.info(section, "members written (saveAll, pipelined)", BenchResults.num(wrote) + " a second");

            // commands
            long[] latencies = commands(tandem);
            results.record(
                    section,
                    "/mentor find, " + COMMAND_RATE + "/s over the workspaces: p50 / p99 / max",
                    BenchResults.ms(BenchResults.percentile(latencies, 50)) + " / "
                            + BenchResults.ms(BenchResults.percentile(latencies, 99)) + " / "
                            + BenchResults.ms(BenchResults.percentile(latencies, 100)),
                    "p99 ≤ 500 ms",
                    BenchResults.percentile(latencies, 99) <= TimeUnit.MILLISECONDS.toNanos(500));

            // fan-out to every member, and a few quiet workspaces' messages in the middle of it
            List<Notification> all = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                for (int w = 0; w < WORKSPACES; w++) {
                    all.add(note("T" + w, "U" + m, w + "/" + m));
                }
            }
            DeliveryQueue queue = tandem.bean(0, DeliveryQueue.class);
            long start = System.nanoTime();
            queue.enqueueAll(all);
            long queued = System.nanoTime() - start;
            long deadline = start + Duration.ofMinutes(30).toNanos();
            while (arrivals.size() < all.size() / 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long[] probeSent = new long[PROBES];
            for (int i = 0; i < PROBES; i++) {
                probeSent[i] = System.nanoTime();
                queue.enqueue(note("Tquiet" + i, "U0", "quiet" + i + "/0"));
            }
            int expected = all.size() + PROBES;
            while (arrivals.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long took = System.nanoTime() - start;
            Thread.sleep(3_000);

            double floor = MEMBERS / (double) WORKSPACE_RATE;
            long[] completions = new long[WORKSPACES];
            for (int w = 0; w < WORKSPACES; w++) {
                completions[w] = lastArrival.getOrDefault(String.valueOf(w), deadline) - start;
            }
            long slowest = Arrays.stream(completions).max().orElse(0);
            long median = BenchResults.percentile(completions, 50);
            long[] probeWaits = new long[PROBES];
            for (int i = 0; i < PROBES; i++) {
                probeWaits[i] = lastArrival.getOrDefault("quiet" + i, deadline) - probeSent[i];
            }
            results.info(section, "fan-out: messages queued (enqueueAll)", all.size() + " in " + secs(queued));
            results.record(
                    section,
                    "fan-out: all delivered in (throughput)",
                    secs(took) + " (" + BenchResults.num(all.size() / (took / 1e9)) + " a second)",
                    "all " + expected + " arrive",
                    arrivals.size() == expected);
            results.record(
                    section,
                    "fan-out: slowest workspace's completion / its own floor (" + MEMBERS + " at " + WORKSPACE_RATE
                            + "/s = " + BenchResults.num(floor) + " s)",
                    secs(slowest) + " = " + BenchResults.num(slowest / 1e9 / floor) + "×",
                    "≤ 1.5× (the machine's throughput allowing)",
                    slowest / 1e9 <= 1.5 * floor);
            results.record(
                    section,
                    "fan-out: fairness, slowest / median workspace completion",
                    secs(slowest) + " / " + secs(median) + " = " + BenchResults.num((double) slowest / median),
                    "≤ 1.25",
                    slowest <= 1.25 * median);
            results.record(
                    section,
                    "a quiet workspace's message queued during the fan-out: p50 / max wait",
                    secs(BenchResults.percentile(probeWaits, 50)) + " / "
                            + secs(Arrays.stream(probeWaits).max().orElse(0)),
                    "max ≤ 2 s (its own pacing, not the backlog)",
                    Arrays.stream(probeWaits).max().orElse(0) <= TimeUnit.SECONDS.toNanos(2));
            results.record(section, "fan-out: sent twice", String.valueOf(twice.get()), "0", twice.get() == 0);
        }

        FailoverFanOut.Result failover = FailoverFanOut.run(100, 50, 0.3, Duration.ofMinutes(10));
        String killed = "a primary killed after 30% of a fan-out of " + failover.notifications()
                + " (100 workspaces), 2 instances";
        results.info(killed, "replica took over in", BenchResults.num(failover.failoverMillis()) + " ms");
        results.info(killed, "all delivered in", BenchResults.num(failover.tookMillis() / 1000.0) + " s");
        results.record(killed, "lost", String.valueOf(failover.lost()), "0", failover.lost() == 0);
        results.record(killed, "sent twice", String.valueOf(failover.twice()), "0", failover.twice() == 0);
    }

    private static Notification note(String team, String user, String tag) {
        return new Notification(MemberId.of(Platform.SLACK, team, user), "bench", Reply.text(PREFIX + tag));
    }

    /** The workspace number (or {@code quiet<i>}) of a fan-out message's text. */
    private static String workspaceOf(String text) {
        return text.substring(PREFIX.length(), text.indexOf('/'));
    }

    private static String secs(long nanos) {
        return BenchResults.num(nanos / 1e9) + " s";
    }

    /** {@code /mentor find} at the steady rate (open loop), each from a member of the next workspace. */
    private static long[] commands(SharedRedisInstances tandem) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(32);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        String[] skills = {"seo", "negotiation", "public speaking", "data analysis", "social media", "coaching"};
        int total = (int) (COMMAND_RATE * COMMANDS_FOR.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / COMMAND_RATE;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long planned = BenchResults.awaitSlot(start, i, interval);
            int n = i;
            callers.execute(() -> {
                tandem.engine(n % 2)
                        .handle(ChatEvent.text(
                                Platform.SLACK,
                                "T" + (n % WORKSPACES),
                                "U" + (n / WORKSPACES % MEMBERS),
                                "Member",
                                Locale.ENGLISH,
                                ZoneId.of("Europe/Paris"),
                                "D" + n,
                                "/mentor find " + skills[n % skills.length],
                                List.of()));
                latencies.add(System.nanoTime() - planned);
            });
        }
        callers.shutdown();
        callers.awaitTermination(5, TimeUnit.MINUTES);
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }
}

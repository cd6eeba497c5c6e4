package io.tandem.support;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fan-out to many Slack workspaces through two Tandem instances on a Redis Cluster, with one primary killed once
 * a share of it was delivered: its replica takes over and Tandem carries on by itself. Counts what arrived, what
 * never did and what arrived twice. Replication is asynchronous: a write the primary acknowledged in its last
 * moments may never reach the replica (lost), and a delivery marked done there may still be waiting on the replica
 * (sent again, unless the Slack sender finds it already posted).
 */
public final class FailoverFanOut {

    /**
     * @param notifications queued
     * @param atKill        delivered when the primary was killed
     * @param delivered     distinct notifications that reached Slack
     * @param twice         notifications that reached Slack more than once
     * @param tookMillis    from the first queued until the last arrived (or the patience ran out)
     * @param failoverMillis from the kill until every node said the cluster was ok again
     */
    public record Result(
            int notifications, int atKill, int delivered, int twice, long tookMillis, long failoverMillis) {
        public int lost() {
            return notifications - delivered;
        }
    }

    private FailoverFanOut() {}

    /**
     * {@code workspaces} × {@code members} notifications; the primary of the lowest slots (a third of the queue's
     * partitions) is killed once {@code killAt} of them arrived.
     */
    public static Result run(int workspaces, int members, double killAt, Duration patience) throws Exception {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        try (FakeSlackApi slack = FakeSlackApi.start();
                RedisClusterForTests cluster = RedisClusterForTests.start()) {
            slack.on("chat.postMessage", call -> {
                String text = call.param("text");
                if (text != null && text.startsWith("failover ")) {
                    seen.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                }
                return slack.defaultAnswer(call);
            });
            try (SharedRedisInstances tandem = SharedRedisInstances.onClusterKeptOpen(
                    cluster,
                    2,
                    "--tandem.slack.bot-token=xoxb-failover",
                    "--tandem.slack.signing-secret=failover",
                    "--tandem.slack.api-url=" + slack.apiUrl(),
                    // a claim whose worker lost Redis comes back soon; the Slack sender looks before sending again
                    "--tandem.delivery.lease=5s")) {
                List<Notification> all = new ArrayList<>();
                for (int w = 0; w < workspaces; w++) {
                    for (int m = 0; m < members; m++) {
                        all.add(new Notification(
                                MemberId.of(Platform.SLACK, "T" + w, "U" + m),
                                "failover",
                                Reply.text("failover " + w + "/" + m)));
                    }
                }
                long start = System.nanoTime();
                tandem.bean(0, DeliveryQueue.class).enqueueAll(all);
                long killAfter = Math.round(all.size() * killAt);
                long deadline = start + patience.toNanos();
                while (seen.size() < killAfter && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                long killed = System.nanoTime();
                int atKill = seen.size();
                cluster.kill(cluster.primaries().get(0));
                cluster.awaitHealthy(Duration.ofSeconds(60));
                long failover = System.nanoTime() - killed;
                while (seen.size() < all.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                long took = System.nanoTime() - start;
                Thread.sleep(3_000); // anything sent twice shows up
                int twice =
                        (int) seen.values().stream().filter(n -> n.get() > 1).count();
                return new Result(all.size(), atKill, seen.size(), twice, took / 1_000_000, failover / 1_000_000);
            }
        }
    }
}

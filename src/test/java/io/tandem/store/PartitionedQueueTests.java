package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.tandem.delivery.Delivery;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.support.EngineTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery queue split by workspace into partitions: each its own part of the hash slots, workspaces spread
 * over them, and inside a partition a workspace with a backlog never holds back another's messages. Recipients are
 * Teams members (no Teams sender runs in this context). Workspace names are prefixes of each other on purpose.
 */
@EngineTest
class PartitionedQueueTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Autowired
    RedisNudgeStore nudges;

    private TravelClock clock;
    private RedisDeliveryQueue queue;

    @BeforeEach
    void empty() {
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        clock = new TravelClock(Clock.systemUTC());
        queue = new RedisDeliveryQueue(redis, json, clock);
    }

    private static Notification note(String workspace, String user) {
        return new Notification(new MemberId(workspace, user), "test.kind", Reply.text("Hello " + user));
    }

    /** Another workspace than {@code ws} in the same partition (a name that starts like it, when one does). */
    private static String neighbourOf(String ws) {
        return IntStream.range(0, 10_000)
                .mapToObj(i -> ws + i)
                .filter(other -> QueuePartitions.of(other) == QueuePartitions.of(ws))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachPartitionHasItsOwnSixteenthOfTheSlotsAndWorkspacesSpreadOverThem() {
        Set<Integer> sixteenths = new HashSet<>();
        for (int p = 0; p < QueuePartitions.COUNT; p++) {
            String prefix = QueuePartitions.prefix(p);
            sixteenths.add(SlotHash.getSlot(prefix + "ready:teams") * 16 / 16384);
            assertThat(SlotHash.getSlot(prefix + "item:x")).isEqualTo(SlotHash.getSlot(prefix + "nudges"));
        }
        assertThat(sixteenths).hasSize(QueuePartitions.COUNT);
        Map<Integer, Long> perPartition = IntStream.range(0, 1000)
                .mapToObj(i -> "T" + i)
                .collect(Collectors.groupingBy(QueuePartitions::of, TreeMap::new, Collectors.counting()));
        assertThat(perPartition).hasSize(QueuePartitions.COUNT);
        assertThat(perPartition.values()).allSatisfy(n -> assertThat(n).isBetween(35L, 100L));
    }

    @Test
    void aWorkspaceWithABacklogDoesNotHoldBackAnotherInItsPartition() {
        String busy = "teams:acme";
        String quiet = neighbourOf(busy);
        List<Notification> backlog = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            backlog.add(note(busy, "u" + i));
        }
        queue.enqueueAll(backlog);
        clock.advance(Duration.ofMillis(5));
        queue.enqueue(note(quiet, "ana"));
        clock.advance(Duration.ofMillis(5));

        List<Delivery> first = queue.claim(Platform.TEAMS, 4, Duration.ofMinutes(1));
        assertThat(first).hasSize(4);
        assertThat(first)
                .extracting(d -> d.notification().recipient().workspace())
                .as("the quiet workspace's one message goes out in the first claim, not after 3,000")
                .contains(quiet);
        assertThat(queue.depth(Platform.TEAMS)).isEqualTo(3001);
    }

    @Test
    void claimsTakeWorkspacesInTurn() {
        String a = "teams:acme";
        String b = neighbourOf(a);
        String c = "teams:acme.corp";
        List<Notification> all = new ArrayList<>();
        for (String ws : List.of(a, b, c)) {
            for (int i = 0; i < 10; i++) {
                all.add(note(ws, "u" + i));
            }
        }
        queue.enqueueAll(all);
        clock.advance(Duration.ofMillis(5));
        Map<String, Long> served = queue.claim(Platform.TEAMS, 6, Duration.ofMinutes(1)).stream()
                .collect(Collectors.groupingBy(d -> d.notification().recipient().workspace(), Collectors.counting()));
        // an even share of the claim for each partition with work, shared in turn by its workspaces
        assertThat(served).containsOnlyKeys(a, b, c);
        assertThat(served.get(c)).isEqualTo(3L);
        assertThat(served.get(a) + served.get(b)).isEqualTo(3L);
    }

    @Test
    void deliveriesAndNudgesLeftUnderTheOldSingleTagMoveIntoTheirPartitions() {
        RedisDeliveryQueue old = new RedisDeliveryQueue(redis, json, clock);
        Notification waiting = note("teams:acme", "bob");
        Notification claimed = note("teams:acme.corp", "bob");
        long now = clock.instant().toEpochMilli();
        String prefix = LegacyQueueMove.PREFIX;
        redis.opsForValue().set(prefix + "item:id-1", old.encode(new Delivery("id-1", waiting, 2, clock.instant())));
        redis.opsForZSet().add(prefix + "due:teams", "id-1", now - 1000);
        redis.opsForSet().add(Ownership.key(waiting.recipient()), Ownership.DELIVERY + "teams:id-1");
        redis.opsForValue().set(prefix + "item:id-2", old.encode(new Delivery("id-2", claimed, 0, clock.instant())));
        redis.opsForZSet().add(prefix + "leased:teams", "id-2", now + 60_000);
        redis.opsForHash().put(prefix + "claimed:teams", "id-2", (now - 500) + ":" + (now - 400) + ":7");
        redis.opsForValue().set(prefix + "nudge:teams:acme|n1", "{\"id\":\"n1\"}");
        redis.opsForZSet().add(prefix + "nudges", "teams:acme|n1", now + 3_600_000);

        new LegacyQueueMove(redis, json, queue, nudges).run(new DefaultApplicationArguments());

        assertThat(redis.keys(prefix + "*")).isEmpty();
        assertThat(queue.depth(Platform.TEAMS)).isEqualTo(2);
        List<Delivery> moved = queue.claim(Platform.TEAMS, 10, Duration.ofMinutes(1));
        assertThat(moved).extracting(Delivery::id).containsExactlyInAnyOrder("teams:acme@id-1", "teams:acme.corp@id-2");
        assertThat(moved)
                .filteredOn(d -> d.id().endsWith("id-1"))
                .singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(redis.opsForSet().members(Ownership.key(waiting.recipient())))
                .containsExactly(Ownership.DELIVERY + "teams:teams:acme@id-1");
        assertThat(redis.opsForZSet().score(RedisNudgeStore.due(QueuePartitions.of("teams:acme")), "teams:acme|n1"))
                .isEqualTo((double) now + 3_600_000);
    }
}

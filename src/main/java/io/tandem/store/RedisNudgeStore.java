package io.tandem.store;

import io.tandem.delivery.Delivery;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.nudges.Nudge;
import io.tandem.nudges.NudgeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Due nudges in Redis, in the delivery queue's partitions ({@link QueuePartitions}, by workspace): per partition one
 * sorted set scored by due time, one string per nudge. A workspace's nudges share its deliveries' hash tag, so
 * handing a nudge over to delivery is one Lua script: the nudge is removed and the delivery added together, or
 * neither (if the nudge changed since it was claimed). Claiming moves the score to the end of the lease, as the
 * delivery queue does, from each partition in turn.
 */
@Repository
public class RedisNudgeStore implements NudgeStore {

    private static final Logger log = LoggerFactory.getLogger(RedisNudgeStore.class);
    /**
     * KEYS: the nudges, the nudge, the ready workspaces of the delivery's platform, the workspace's due deliveries,
     * the delivery. ARGV: member, what it was when claimed, the delivery's record, due at, its id, the workspace.
     */
    private static final RedisScript<Long> HAND_OVER = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[5], ARGV[3])
            redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
            local s = redis.call('ZSCORE', KEYS[3], ARGV[6])
            if not s or tonumber(ARGV[4]) < tonumber(s) then
              redis.call('ZADD', KEYS[3], ARGV[4], ARGV[6])
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> REMOVE_IF_SAME = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[1], ARGV[1])
            return 1
            """, Long.class);

    /** Removes a nudge and returns what it was (null if there was none). */
    private static final RedisScript<String> TAKE = new DefaultRedisScript<>("""
            local was = redis.call('GET', KEYS[2])
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[1], ARGV[1])
            return was
            """, String.class);

    private static final RedisScript<Long> POSTPONE_IF_SAME = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
            redis.call('SET', KEYS[2], ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final NotificationCodec codec;
    private final RedisDeliveryQueue deliveries;
    private final Clock clock;
    /** What each nudge claimed here looked like, to hand over only what was claimed. */
    private final Map<String, String> claimed = new ConcurrentHashMap<>();
    /** Which partition the next claim starts with. */
    private final AtomicInteger turn =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(QueuePartitions.COUNT));

    public RedisNudgeStore(StringRedisTemplate redis, JsonMapper json, RedisDeliveryQueue deliveries, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.codec = new NotificationCodec(json);
        this.deliveries = deliveries;
        this.clock = clock;
    }

    private static String member(String workspace, String id) {
        return workspace + "|" + id;
    }

    private static int partition(String member) {
        int bar = member.indexOf('|');
        return QueuePartitions.of(bar < 0 ? member : member.substring(0, bar));
    }

    /** Sorted set: the nudges of a partition, {@code <workspace>|<id>} scored by when each is due. */
    static String due(int partition) {
        return QueuePartitions.prefix(partition) + "nudges";
    }

    private static String due(String member) {
        return due(partition(member));
    }

    static String item(String member) {
        return QueuePartitions.prefix(partition(member)) + "nudge:" + member;
    }

    @Override
    public void put(Nudge nudge) {
        String member = member(nudge.workspace(), nudge.id());
        String value = write(nudge);
        Ownership.claim(redis, Ownership.NUDGE + member, people(nudge));
        putRaw(member, value, nudge.due().toEpochMilli());
    }

    /** Puts a nudge's record ({@code raw}) into its partition as it is, due at {@code dueMillis}. */
    void putRaw(String member, String raw, long dueMillis) {
        RedisCalls.run(() -> redis.execute(
                LeasedClaims.PUT, List.of(due(member), item(member)), raw, String.valueOf(dueMillis), member));
    }

    /** Whose data a nudge holds: its recipient, and the people its message (if written in advance) shows. */
    private static Set<MemberId> people(Nudge nudge) {
        return nudge.message() == null
                ? Set.of(nudge.recipient())
                : nudge.message().people();
    }

    @Override
    public void remove(String workspace, String id) {
        remove(member(workspace, id));
    }

    /** Removes a nudge, and its listing under its people. */
    void remove(String member) {
        String was = RedisCalls.call(() -> redis.execute(TAKE, List.of(due(member), item(member)), member));
        if (was != null) {
            try {
                Ownership.release(redis, Ownership.NUDGE + member, people(read(was)));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                // unreadable: its listings are dropped when next read
            }
        }
    }

    /** From the partitions with due nudges (one pipelined look at all), each in turn, until {@code max}. */
    @Override
    public List<Nudge> claim(Instant now, Duration lease, int max) {
        double nowMs = now.toEpochMilli();
        List<Object> peeks = RedisCalls.pipelined(redis, o -> {
            for (int p = 0; p < QueuePartitions.COUNT; p++) {
                o.opsForZSet().rangeByScore(due(p), Double.NEGATIVE_INFINITY, nowMs, 0, 1);
            }
        });
        int start = Math.floorMod(turn.getAndIncrement(), QueuePartitions.COUNT);
        List<Nudge> out = new ArrayList<>();
        for (int i = 0; i < QueuePartitions.COUNT && out.size() < max; i++) {
            int p = (start + i) % QueuePartitions.COUNT;
            if (peeks.get(p) instanceof Collection<?> c && !c.isEmpty()) {
                out.addAll(claim(p, now, lease, max - out.size()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Nudge> claim(int partition, Instant now, Duration lease, int max) {
        List<Object> raw = RedisCalls.call(() -> redis.execute(
                LeasedClaims.CLAIM,
                List.of(due(partition)),
                String.valueOf(now.toEpochMilli()),
                String.valueOf(now.plus(lease).toEpochMilli()),
                String.valueOf(max),
                QueuePartitions.prefix(partition) + "nudge:"));
        List<Nudge> out = new ArrayList<>();
        for (int i = 0; raw != null && i + 2 < raw.size(); i += 3) {
            String member = String.valueOf(raw.get(i));
            String value = String.valueOf(raw.get(i + 1));
            try {
                Nudge nudge = read(value);
                claimed.put(member, value);
                out.add(nudge);
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                log.error("Dropping unreadable nudge {}: {}", member, e.getMessage());
                remove(member);
            }
        }
        return out;
    }

    @Override
    public boolean handOver(Nudge nudge, Notification notification) {
        String member = member(nudge.workspace(), nudge.id());
        String expected = claimed.remove(member);
        if (expected == null) {
            return false;
        }
        if (!notification.recipient().workspace().equals(nudge.workspace())) {
            throw new IllegalArgumentException("a nudge of " + nudge.workspace() + " notifies someone elsewhere");
        }
        Delivery delivery = new Delivery(RedisDeliveryQueue.newId(notification), notification, 0, clock.instant());
        Ownership.claim(redis, RedisDeliveryQueue.entry(delivery.id(), notification), notification.people());
        Platform platform = notification.recipient().platform();
        Long done = RedisCalls.call(() -> redis.execute(
                HAND_OVER,
                List.of(
                        due(member),
                        item(member),
                        RedisDeliveryQueue.ready(partition(member), platform),
                        RedisDeliveryQueue.due(platform, nudge.workspace()),
                        RedisDeliveryQueue.item(delivery.id())),
                member,
                expected,
                deliveries.encode(delivery),
                String.valueOf(clock.instant().toEpochMilli()),
                delivery.id(),
                nudge.workspace()));
        if (done != null && done == 1) {
            Ownership.release(redis, Ownership.NUDGE + member, people(nudge));
            return true;
        }
        Ownership.release(redis, RedisDeliveryQueue.entry(delivery.id(), notification), notification.people());
        return false;
    }

    @Override
    public void skip(Nudge nudge, String reason) {
        String member = member(nudge.workspace(), nudge.id());
        String expected = claimed.remove(member);
        if (expected == null) {
            return;
        }
        Long done = RedisCalls.call(
                () -> redis.execute(REMOVE_IF_SAME, List.of(due(member), item(member)), member, expected));
        if (done != null && done == 1) {
            Ownership.release(redis, Ownership.NUDGE + member, people(nudge));
            NudgeReportLog.record(
                    redis,
                    json,
                    clock.instant(),
                    nudge.workspace(),
                    nudge.kind().notificationKind(),
                    nudge.recipient().toString(),
                    "skipped",
                    reason);
        }
    }

    @Override
    public void postpone(Nudge nudge, Instant at) {
        String member = member(nudge.workspace(), nudge.id());
        String expected = claimed.remove(member);
        if (expected == null) {
            return;
        }
        RedisCalls.run(() -> redis.execute(
                POSTPONE_IF_SAME,
                List.of(due(member), item(member)),
                member,
                expected,
                String.valueOf(at.toEpochMilli()),
                write(nudge.dueAt(at))));
    }

    @Override
    public long depth() {
        List<Object> sizes = RedisCalls.pipelined(redis, o -> {
            for (int p = 0; p < QueuePartitions.COUNT; p++) {
                o.opsForZSet().zCard(due(p));
            }
        });
        return sizes.stream()
                .mapToLong(n -> n instanceof Number c ? c.longValue() : 0)
                .sum();
    }

    @Override
    public Optional<Instant> oldestDue() {
        List<Object> firsts = RedisCalls.pipelined(redis, o -> {
            for (int p = 0; p < QueuePartitions.COUNT; p++) {
                o.opsForZSet().rangeWithScores(due(p), 0, 0);
            }
        });
        Double oldest = null;
        for (Object first : firsts) {
            if (first instanceof Collection<?> c
                    && !c.isEmpty()
                    && c.iterator().next() instanceof ZSetOperations.TypedTuple<?> t
                    && t.getScore() != null
                    && (oldest == null || t.getScore() < oldest)) {
                oldest = t.getScore();
            }
        }
        return Optional.ofNullable(oldest).map(s -> Instant.ofEpochMilli(s.longValue()));
    }

    @Override
    public List<Outcome> report(String workspace, int max) {
        return NudgeReportLog.read(redis, json, workspace, max);
    }

    private String write(Nudge n) {
        ObjectNode node = json.createObjectNode();
        node.put("id", n.id());
        node.put("to", n.recipient().toString());
        node.put("kind", n.kind().name());
        node.put("due", n.due().toEpochMilli());
        if (n.subject() != null) {
            node.put("subject", n.subject());
        }
        if (n.message() != null) {
            node.put("n", codec.write(n.message()));
        }
        if (n.staleAfter() != null) {
            node.put("stale", n.staleAfter().toEpochMilli());
        }
        return json.writeValueAsString(node);
    }

    Nudge read(String value) {
        JsonNode n = json.readTree(value);
        return new Nudge(
                n.get("id").asString(),
                MemberId.parse(n.get("to").asString()).orElseThrow(),
                Nudge.Kind.valueOf(n.get("kind").asString()),
                Instant.ofEpochMilli(n.get("due").asLong()),
                n.has("subject") ? n.get("subject").asString() : null,
                n.has("n") ? codec.read(n.get("n").asString()) : null,
                n.has("stale") ? Instant.ofEpochMilli(n.get("stale").asLong()) : null);
    }
}

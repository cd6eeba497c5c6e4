package io.tandem.store;

import io.tandem.delivery.Delivery;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.delivery.FailedDelivery;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery queue in Redis: per platform, a sorted set of delivery ids scored by when each is due, a sorted set
 * of the claimed ones scored by when their lease ends, a hash of claims and one string per delivery. Claiming moves
 * a due delivery to the leased set in one Lua script, so two instances never claim the same one; one whose worker
 * died goes back to the due set at its original place when its lease ends (before newer work, not behind the
 * backlog), in doubt. Each claim carries a fencing token: a worker renews its lease while it sends, and what it says
 * afterwards (done, retry, failed) counts only if the claim is still its own, so a worker whose lease was lost
 * never completes or re-queues a delivery another instance has taken over. While it waits, a delivery is listed
 * under its recipient and the people it shows ({@link Ownership}), so forgetting one of them withdraws it.
 */
@Repository
public class RedisDeliveryQueue implements DeliveryQueue {

    private static final Logger log = LoggerFactory.getLogger(RedisDeliveryQueue.class);
    private static final String PREFIX = "tandem:{delivery}:";
    private static final int FAILURES_KEPT = 1000;
    /** Notifications queued in one pipeline by {@link #enqueueAll}. */
    private static final int BATCH = 500;

    /**
     * Claims: first, leases that ran out send their deliveries back to their original place; then up to
     * {@code ARGV[3]} due ones move to the leased set ({@code KEYS[2]}, score {@code ARGV[2]}), each with a claim
     * {@code <original due>:<first claimed>:<fence>} in {@code KEYS[3]} (the original due and first claim are kept
     * when it was claimed before: then it is in doubt). Returns id, record, in doubt, fence, first claimed, …
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> CLAIM = new DefaultRedisScript<>("""
            local now = ARGV[1]
            for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
              local claim = redis.call('HGET', KEYS[3], id)
              local at = claim and string.match(claim, '^([^:]+):') or now
              redis.call('ZREM', KEYS[2], id)
              redis.call('ZADD', KEYS[1], at, id)
            end
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
            local out = {}
            for i = 1, #due, 2 do
              local id = due[i]
              local item = redis.call('GET', ARGV[4] .. id)
              redis.call('ZREM', KEYS[1], id)
              if item then
                local claim = redis.call('HGET', KEYS[3], id)
                local at, first = due[i + 1], now
                local doubt = 0
                if claim then
                  doubt = 1
                  local a, f = string.match(claim, '^([^:]+):([^:]+):')
                  at, first = a or at, f or now
                end
                local fence = redis.call('INCR', KEYS[4])
                redis.call('HSET', KEYS[3], id, at .. ':' .. first .. ':' .. fence)
                redis.call('ZADD', KEYS[2], ARGV[2], id)
                out[#out + 1] = id
                out[#out + 1] = item
                out[#out + 1] = doubt
                out[#out + 1] = fence
                out[#out + 1] = first
              else
                redis.call('HDEL', KEYS[3], id)
              end
            end
            return out
            """, List.class);

    /** The claim of {@code ARGV[1]} is still the one with fence {@code ARGV[2]} (0: any, or none). */
    private static final String OURS = """
            local claim = redis.call('HGET', KEYS[3], ARGV[1])
            if ARGV[2] ~= '0' and (not claim or string.match(claim, ':([^:]+)$') ~= ARGV[2]) then
              return 0
            end
            """;

    /** Extends a lease ({@code ARGV[3]}) if the claim is still ours. 1 if it was. */
    private static final RedisScript<Long> RENEW =
            new DefaultRedisScript<>(OURS.replace("KEYS[3]", "KEYS[2]") + """
            if not claim then
              return 0
            end
            redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
            return 1
            """, Long.class);

    /**
     * Puts a delivery in (or back, when it is still ours): record {@code KEYS[4]} = {@code ARGV[3]}, due at
     * {@code ARGV[4]}; its claim and lease are over. 1 if done.
     */
    private static final RedisScript<Long> PUT = new DefaultRedisScript<>(OURS + """
            redis.call('SET', KEYS[4], ARGV[3])
            redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            return 1
            """, Long.class);

    /** Takes a delivery out (when it is still ours): its place, lease, claim and record. 1 if done. */
    private static final RedisScript<Long> REMOVE = new DefaultRedisScript<>(OURS + """
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('DEL', KEYS[4])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final NotificationCodec codec;
    private final Clock clock;

    public RedisDeliveryQueue(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.codec = new NotificationCodec(json);
        this.clock = clock;
    }

    static String due(Platform platform) {
        return PREFIX + "due:" + platform.id();
    }

    static String item(String id) {
        return PREFIX + "item:" + id;
    }

    /** Hash: the deliveries of a platform claimed by a worker that has not said yet how they went. */
    static String claims(Platform platform) {
        return PREFIX + "claimed:" + platform.id();
    }

    /** Sorted set: the claimed deliveries of a platform, by the end of their lease. */
    static String leased(Platform platform) {
        return PREFIX + "leased:" + platform.id();
    }

    private static String fences(Platform platform) {
        return PREFIX + "fence:" + platform.id();
    }

    private static List<String> keys(Platform platform, String id) {
        return List.of(due(platform), leased(platform), claims(platform), item(id));
    }

    static String failures(String workspace) {
        return RedisKeys.prefix(workspace) + "delivery:failed";
    }

    @Override
    public void enqueue(Notification notification) {
        Delivery delivery = new Delivery(UUID.randomUUID().toString(), notification, 0, clock.instant());
        Ownership.claim(redis, entry(delivery.id(), notification), notification.people());
        put(delivery, clock.instant());
    }

    /**
     * A fresh delivery has no lease and no claim yet, so putting it in is its record, its place in the due set and
     * its listing under its people, as {@link #enqueue} does (in that order: a worker that sees it due finds its
     * record), for a whole batch in one pipeline.
     */
    @Override
    public void enqueueAll(List<Notification> notifications) {
        Instant now = clock.instant();
        for (int from = 0; from < notifications.size(); from += BATCH) {
            List<Notification> batch = notifications.subList(from, Math.min(notifications.size(), from + BATCH));
            List<Delivery> deliveries = batch.stream()
                    .map(n -> new Delivery(UUID.randomUUID().toString(), n, 0, now))
                    .toList();
            List<String> values = deliveries.stream().map(this::encode).toList();
            RedisCalls.pipelined(redis, o -> {
                for (int i = 0; i < deliveries.size(); i++) {
                    Delivery d = deliveries.get(i);
                    Notification n = d.notification();
                    Ownership.claim(o, entry(d.id(), n), n.people());
                    o.opsForValue().set(item(d.id()), values.get(i));
                    o.opsForZSet().add(due(n.recipient().platform()), d.id(), now.toEpochMilli());
                }
            });
        }
    }

    /** How a waiting delivery is listed under its people. */
    static String entry(String id, Notification notification) {
        return Ownership.DELIVERY + notification.recipient().platform().id() + ":" + id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Delivery> claim(Platform platform, int max, Duration lease) {
        Instant now = clock.instant();
        List<Object> raw = RedisCalls.call(() -> redis.execute(
                CLAIM,
                List.of(due(platform), leased(platform), claims(platform), fences(platform)),
                String.valueOf(now.toEpochMilli()),
                String.valueOf(now.plus(lease).toEpochMilli()),
                String.valueOf(max),
                PREFIX + "item:"));
        List<Delivery> claimed = new ArrayList<>();
        for (int i = 0; raw != null && i + 4 < raw.size(); i += 5) {
            String id = String.valueOf(raw.get(i));
            boolean inDoubt = raw.get(i + 2) instanceof Number n && n.longValue() == 1L;
            long fence = raw.get(i + 3) instanceof Number n ? n.longValue() : 0;
            Instant firstClaimed = Instant.ofEpochMilli(Long.parseLong(String.valueOf(raw.get(i + 4))));
            try {
                claimed.add(read(id, String.valueOf(raw.get(i + 1)), inDoubt, fence, firstClaimed));
            } catch (JacksonException | IllegalArgumentException e) {
                log.error("Dropping unreadable delivery {} from the queue: {}", id, e.getMessage());
                remove(platform, id);
            }
        }
        return claimed;
    }

    @Override
    public boolean renew(Delivery delivery, Duration lease) {
        if (delivery.fence() == 0) {
            return false;
        }
        Platform platform = delivery.notification().recipient().platform();
        Long renewed = RedisCalls.call(() -> redis.execute(
                RENEW,
                List.of(leased(platform), claims(platform)),
                delivery.id(),
                String.valueOf(delivery.fence()),
                String.valueOf(clock.instant().plus(lease).toEpochMilli())));
        return renewed != null && renewed == 1;
    }

    @Override
    public void done(Delivery delivery) {
        if (remove(delivery)) {
            NudgeReportLog.record(redis, json, clock.instant(), delivery.notification(), "delivered", null);
            release(delivery);
        }
    }

    private void release(Delivery delivery) {
        Ownership.release(
                redis,
                entry(delivery.id(), delivery.notification()),
                delivery.notification().people());
    }

    @Override
    public void retry(Delivery delivery, Instant at, boolean counted) {
        int attempts = delivery.attempts() + (counted ? 1 : 0);
        put(
                new Delivery(
                        delivery.id(),
                        delivery.notification(),
                        attempts,
                        delivery.queuedAt(),
                        delivery.inDoubt(),
                        delivery.fence(),
                        delivery.firstClaimed()),
                at);
    }

    @Override
    public void failed(Delivery delivery, String reason) {
        if (!remove(delivery)) {
            return;
        }
        ObjectNode record = json.createObjectNode();
        record.put("to", delivery.notification().recipient().toString());
        record.put("kind", delivery.notification().kind());
        record.put("reason", reason);
        record.put("attempts", delivery.attempts() + 1);
        record.put("at", clock.instant().toEpochMilli());
        String key = failures(delivery.notification().recipient().workspace());
        RedisCalls.run(() -> {
            redis.opsForList().leftPush(key, json.writeValueAsString(record));
            redis.opsForList().trim(key, 0, FAILURES_KEPT - 1);
        });
        NudgeReportLog.record(redis, json, clock.instant(), delivery.notification(), "failed", reason);
        release(delivery);
    }

    @Override
    public long depth(Platform platform) {
        return RedisCalls.call(() -> {
            Long waiting = redis.opsForZSet().zCard(due(platform));
            Long claimed = redis.opsForZSet().zCard(leased(platform));
            return (waiting == null ? 0 : waiting) + (claimed == null ? 0 : claimed);
        });
    }

    @Override
    public List<FailedDelivery> failures(String workspace, int max) {
        List<String> raw = RedisCalls.call(() -> redis.opsForList().range(failures(workspace), 0, max - 1L));
        List<FailedDelivery> out = new ArrayList<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            JsonNode n = json.readTree(r);
            out.add(new FailedDelivery(
                    n.get("to").asString(),
                    n.get("kind").asString(),
                    n.get("reason").asString(),
                    n.get("attempts").asInt(),
                    Instant.ofEpochMilli(n.get("at").asLong())));
        }
        return out;
    }

    /** A delivery as stored (also used to hand nudges over to this queue in one step). */
    String encode(Delivery delivery) {
        ObjectNode node = json.createObjectNode();
        node.put("n", codec.write(delivery.notification()));
        node.put("a", delivery.attempts());
        node.put("q", delivery.queuedAt().toEpochMilli());
        return json.writeValueAsString(node);
    }

    private void put(Delivery delivery, Instant due) {
        String value = encode(delivery);
        Platform platform = delivery.notification().recipient().platform();
        RedisCalls.run(() -> redis.execute(
                PUT,
                keys(platform, delivery.id()),
                delivery.id(),
                String.valueOf(delivery.fence()),
                value,
                String.valueOf(due.toEpochMilli())));
    }

    /** Takes a delivery out of the queue if its claim is still the one it was given; whether it did. */
    private boolean remove(Delivery delivery) {
        Platform platform = delivery.notification().recipient().platform();
        Long removed = RedisCalls.call(() ->
                redis.execute(REMOVE, keys(platform, delivery.id()), delivery.id(), String.valueOf(delivery.fence())));
        return removed != null && removed == 1;
    }

    /** Takes a delivery out of the queue (its record and its claim), whoever it was for and whoever claimed it. */
    void remove(Platform platform, String id) {
        RedisCalls.run(() -> redis.execute(REMOVE, keys(platform, id), id, "0"));
    }

    private Delivery read(String id, String raw, boolean inDoubt, long fence, Instant firstClaimed) {
        JsonNode node = json.readTree(raw);
        return new Delivery(
                id,
                codec.read(node.get("n").asString()),
                node.get("a").asInt(),
                Instant.ofEpochMilli(node.get("q").asLong()),
                inDoubt,
                fence,
                firstClaimed);
    }
}

package io.tandem.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import io.tandem.delivery.Delivery;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.delivery.FailedDelivery;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery queue in Redis: per platform, a sorted set of delivery ids scored by when each is due, and one
 * string per delivery. Claiming moves a due delivery's score to the end of its lease in the same Lua script, so
 * two instances never claim the same one, and one whose worker died becomes due again when its lease ends. While it
 * waits, a delivery is listed under its recipient and the people it shows ({@link Ownership}), so forgetting one of
 * them withdraws it.
 */
@Repository
public class RedisDeliveryQueue implements DeliveryQueue {

    private static final Logger log = LoggerFactory.getLogger(RedisDeliveryQueue.class);
    private static final String PREFIX = "tandem:{delivery}:";
    private static final int FAILURES_KEPT = 1000;


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

    static String failures(String workspace) {
        return RedisKeys.prefix(workspace) + "delivery:failed";
    }

    @Override
    public void enqueue(Notification notification) {
        Delivery delivery = new Delivery(UUID.randomUUID().toString(), notification, 0, clock.instant());
        Ownership.claim(redis, entry(delivery.id(), notification), notification.people());
        put(delivery, clock.instant());
    }

    /** How a waiting delivery is listed under its people. */
    static String entry(String id, Notification notification) {
        return Ownership.DELIVERY + notification.recipient().platform().id() + ":" + id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Delivery> claim(Platform platform, int max, Duration lease) {
        Instant now = clock.instant();
        List<Object> raw = RedisCalls.call(() -> redis.execute(LeasedClaims.CLAIM,
                List.of(due(platform), claims(platform)), String.valueOf(now.toEpochMilli()),
                String.valueOf(now.plus(lease).toEpochMilli()), String.valueOf(max), PREFIX + "item:"));
        List<Delivery> claimed = new ArrayList<>();
        for (int i = 0; raw != null && i + 2 < raw.size(); i += 3) {
            String id = String.valueOf(raw.get(i));
            boolean inDoubt = raw.get(i + 2) instanceof Number n && n.longValue() == 1L;
            try {
                claimed.add(read(id, String.valueOf(raw.get(i + 1)), inDoubt));
            } catch (JacksonException | IllegalArgumentException e) {
                log.error("Dropping unreadable delivery {} from the queue: {}", id, e.getMessage());
                remove(platform, id);
            }
        }
        return claimed;
    }

    @Override
    public void done(Delivery delivery) {
        NudgeReportLog.record(redis, json, clock.instant(), delivery.notification(), "delivered", null);
        remove(delivery.notification().recipient().platform(), delivery.id());
        release(delivery);
    }

    private void release(Delivery delivery) {
        Ownership.release(redis, entry(delivery.id(), delivery.notification()), delivery.notification().people());
    }

    @Override
    public void retry(Delivery delivery, Instant at, boolean counted) {
        int attempts = delivery.attempts() + (counted ? 1 : 0);
        put(new Delivery(delivery.id(), delivery.notification(), attempts, delivery.queuedAt()), at);
    }

    @Override
    public void failed(Delivery delivery, String reason) {
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
        remove(delivery.notification().recipient().platform(), delivery.id());
        release(delivery);
    }

    @Override
    public long depth(Platform platform) {
        return RedisCalls.call(() -> {
            Long n = redis.opsForZSet().zCard(due(platform));
            return n == null ? 0 : n;
        });
    }

    @Override
    public List<FailedDelivery> failures(String workspace, int max) {
        List<String> raw = RedisCalls.call(() -> redis.opsForList().range(failures(workspace), 0, max - 1L));
        List<FailedDelivery> out = new ArrayList<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            JsonNode n = json.readTree(r);
            out.add(new FailedDelivery(n.get("to").asString(), n.get("kind").asString(), n.get("reason").asString(),
                    n.get("attempts").asInt(), Instant.ofEpochMilli(n.get("at").asLong())));
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
        RedisCalls.run(() -> redis.execute(LeasedClaims.PUT,
                List.of(due(platform), item(delivery.id()), claims(platform)),
                value, String.valueOf(due.toEpochMilli()), delivery.id()));
    }

    /** Takes a delivery out of the queue (its record and its claim), whoever it was for. */
    void remove(Platform platform, String id) {
        RedisCalls.run(() -> redis.execute(LeasedClaims.REMOVE, List.of(due(platform), item(id), claims(platform)),
                id));
    }

    private Delivery read(String id, String raw, boolean inDoubt) {
        JsonNode node = json.readTree(raw);
        return new Delivery(id, codec.read(node.get("n").asString()), node.get("a").asInt(),
                Instant.ofEpochMilli(node.get("q").asLong()), inDoubt);
    }
}

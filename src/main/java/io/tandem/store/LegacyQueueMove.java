package io.tandem.store;

import io.tandem.delivery.Delivery;
import io.tandem.engine.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before the queues were partitioned ({@link QueuePartitions}), every delivery and due nudge was under one hash tag,
 * {@code tandem:{delivery}:}. At start-up, whatever still waits there moves into its workspace's partition, due when
 * it was (a claimed one as in doubt would be: at its original place), listed under its people again; then the old
 * keys go. A moved delivery keeps its old id, its workspace put before it, so a move cut off and run again (or two
 * instances starting together) writes the same delivery twice, never two deliveries; nudges keep their ids.
 */
@Component
@Order(1)
class LegacyQueueMove implements ApplicationRunner {

    static final String PREFIX = "tandem:{delivery}:";
    private static final Duration LOCK = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(LegacyQueueMove.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final RedisDeliveryQueue deliveries;
    private final RedisNudgeStore nudges;

    LegacyQueueMove(StringRedisTemplate redis, JsonMapper json, RedisDeliveryQueue deliveries, RedisNudgeStore nudges) {
        this.redis = redis;
        this.json = json;
        this.deliveries = deliveries;
        this.nudges = nudges;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.FALSE.equals(
                RedisCalls.call(() -> redis.opsForValue().setIfAbsent(PREFIX + "moving", "1", LOCK)))) {
            return; // another instance is moving them
        }
        try {
            int moved = 0;
            for (Platform platform : Platform.values()) {
                moved += moveDeliveries(platform);
            }
            moved += moveNudges();
            if (moved > 0) {
                log.info("Moved {} waiting deliveries and nudges into the partitioned queues", moved);
            }
        } finally {
            RedisCalls.run(() -> redis.delete(PREFIX + "moving"));
        }
    }

    private int moveDeliveries(Platform platform) {
        String due = PREFIX + "due:" + platform.id();
        String leased = PREFIX + "leased:" + platform.id();
        String claims = PREFIX + "claimed:" + platform.id();
        Set<ZSetOperations.TypedTuple<String>> waiting = new LinkedHashSet<>();
        waiting.addAll(nonNull(RedisCalls.call(() -> redis.opsForZSet().rangeWithScores(due, 0, -1))));
        waiting.addAll(nonNull(RedisCalls.call(() -> redis.opsForZSet().rangeWithScores(leased, 0, -1))));
        int moved = 0;
        for (ZSetOperations.TypedTuple<String> entry : waiting) {
            String id = entry.getValue();
            String raw = RedisCalls.call(() -> redis.opsForValue().get(PREFIX + "item:" + id));
            Object claim = RedisCalls.call(() -> redis.opsForHash().get(claims, id));
            if (raw != null) {
                try {
                    moved += move(platform, id, raw, claim, entry.getScore());
                } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                    log.error(
                            "Dropping an unreadable delivery {} left from before the partitions: {}",
                            id,
                            e.getMessage());
                }
            }
            RedisCalls.run(() -> {
                redis.opsForZSet().remove(due, id);
                redis.opsForZSet().remove(leased, id);
                redis.opsForHash().delete(claims, id);
                redis.delete(PREFIX + "item:" + id);
            });
        }
        RedisCalls.run(() -> redis.delete(List.of(due, leased, claims, PREFIX + "fence:" + platform.id())));
        return moved;
    }

    private int move(Platform platform, String id, String raw, Object claim, Double score) {
        JsonNode node = json.readTree(raw);
        Delivery old = deliveries.decode(id, node);
        String ws = old.notification().recipient().workspace();
        String newId = ws + "@" + id;
        long at = score == null ? System.currentTimeMillis() : score.longValue();
        if (claim != null) {
            // claimed by a worker of the old version that never said how it went: back at its original place
            String original = claim.toString().split(":", 2)[0];
            at = Long.parseLong(original);
        }
        Delivery moved = new Delivery(newId, old.notification(), old.attempts(), old.queuedAt());
        Ownership.claim(
                redis,
                RedisDeliveryQueue.entry(newId, old.notification()),
                old.notification().people());
        deliveries.putFresh(moved, Instant.ofEpochMilli(at));
        Ownership.release(
                redis,
                RedisDeliveryQueue.entry(id, old.notification()),
                old.notification().people());
        if (platform != old.notification().recipient().platform()) {
            log.warn("A delivery queued for {} was for {}: moved to its own platform", platform.id(), ws);
        }
        return 1;
    }

    private int moveNudges() {
        String due = PREFIX + "nudges";
        List<ZSetOperations.TypedTuple<String>> waiting =
                new ArrayList<>(nonNull(RedisCalls.call(() -> redis.opsForZSet().rangeWithScores(due, 0, -1))));
        int moved = 0;
        for (ZSetOperations.TypedTuple<String> entry : waiting) {
            String member = entry.getValue();
            String item = PREFIX + "nudge:" + member;
            String raw = RedisCalls.call(() -> redis.opsForValue().get(item));
            if (raw != null && entry.getScore() != null) {
                nudges.putRaw(member, raw, entry.getScore().longValue());
                moved++;
            }
            RedisCalls.run(() -> {
                redis.opsForZSet().remove(due, member);
                redis.delete(item);
            });
        }
        return moved;
    }

    private static <T> Set<T> nonNull(Set<T> set) {
        return set == null ? Set.of() : set;
    }
}

package io.tandem.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import io.tandem.delivery.RateGate;

/**
 * Pacing shared by every instance: per conversation a marker that expires after the interval, per workspace a
 * sliding window of its sends, both checked and taken in one script; pause markers that expire on their own.
 */
@Repository
public class RedisRateGate implements RateGate {

    private static final String PREFIX = "tandem:gate:";

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisRateGate(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * One step for a message: the conversation's marker (KEYS[1], expiring after the interval) must be absent, and
     * the workspace's sliding window (KEYS[2]: a sorted set of sends scored by Redis's time) must have room; then
     * both are taken. Answers {0, 0}, or {1, ms} when the conversation is busy, {2, ms} when the window is full.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ACQUIRE = new DefaultRedisScript<>("""
            local busy = redis.call('PTTL', KEYS[1])
            if busy > 0 then
                return {1, busy}
            end
            local permits = tonumber(ARGV[2])
            if permits > 0 then
                local t = redis.call('TIME')
                local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                local window = tonumber(ARGV[3])
                redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
                if redis.call('ZCARD', KEYS[2]) >= permits then
                    local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
                    return {2, math.max(1, tonumber(oldest[2]) + window - now)}
                end
                redis.call('ZADD', KEYS[2], now, ARGV[4])
                redis.call('PEXPIRE', KEYS[2], window + 1000)
            end
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return {0, 0}
            """, List.class);

    private final AtomicLong sends = new AtomicLong();
    private final String instance = UUID.randomUUID().toString();

    @Override
    public Verdict acquire(String workspace, String conversation, Duration interval, int permits, Duration window) {
        // both keys carry the workspace as hash tag (one Redis Cluster slot); Redis's clock (TIME in the script), so
        // that instances whose clocks differ still share one window
        String tag = PREFIX + "{" + workspace + "}:";
        List<?> answer = RedisCalls.call(() -> redis.execute(ACQUIRE, List.of(tag + "pace:" + conversation,
                tag + "window"), String.valueOf(Math.max(1, interval.toMillis())), String.valueOf(Math.max(0, permits)),
                String.valueOf(window.toMillis()), instance + ":" + sends.incrementAndGet()));
        if (answer == null || answer.size() < 2) {
            return Verdict.GO;
        }
        long what = ((Number) answer.get(0)).longValue();
        Duration wait = Duration.ofMillis(((Number) answer.get(1)).longValue());
        return what == 0 ? Verdict.GO : new Verdict(what == 1 ? Full.CONVERSATION : Full.WORKSPACE, wait);
    }

    @Override
    public void pause(String key, Duration duration) {
        Instant until = clock.instant().plus(duration);
        RedisCalls.run(() -> redis.opsForValue().set(PREFIX + "pause:" + key, String.valueOf(until.toEpochMilli()),
                duration.plusSeconds(1)));
    }

    @Override
    public Optional<Instant> pausedUntil(String key) {
        String until = RedisCalls.call(() -> redis.opsForValue().get(PREFIX + "pause:" + key));
        if (until == null) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(until));
        return at.isAfter(clock.instant()) ? Optional.of(at) : Optional.empty();
    }
}

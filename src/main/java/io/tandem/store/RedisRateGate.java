package io.tandem.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import io.tandem.delivery.RateGate;

/** Pacing shared by every instance: {@code SET NX PX} tokens and pause markers that expire on their own. */
@Repository
public class RedisRateGate implements RateGate {

    private static final String PREFIX = "tandem:gate:";

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisRateGate(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key, Duration interval) {
        return Boolean.TRUE.equals(RedisCalls.call(() ->
                redis.opsForValue().setIfAbsent(PREFIX + "pace:" + key, "1", interval)));
    }

    /** A sorted set of the sends of the window, scored by time; old ones dropped, a new one added if there is room. */
    private static final org.springframework.data.redis.core.script.RedisScript<Long> WINDOW =
            org.springframework.data.redis.core.script.RedisScript.of("""
                    local t = redis.call('TIME')
                    local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                    local window = tonumber(ARGV[2])
                    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
                    if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
                        return 0
                    end
                    redis.call('ZADD', KEYS[1], now, ARGV[4])
                    redis.call('PEXPIRE', KEYS[1], window + 1000)
                    return 1
                    """, Long.class);

    private final java.util.concurrent.atomic.AtomicLong sends = new java.util.concurrent.atomic.AtomicLong();
    private final String instance = java.util.UUID.randomUUID().toString();

    @Override
    public boolean tryAcquire(String key, int permits, Duration window) {
        // Redis's clock (TIME in the script), so that instances whose clocks differ still share one window
        Long ok = RedisCalls.call(() -> redis.execute(WINDOW, java.util.List.of(PREFIX + "window:" + key),
                "", String.valueOf(window.toMillis()), String.valueOf(permits),
                instance + ":" + sends.incrementAndGet()));
        return ok != null && ok == 1L;
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

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

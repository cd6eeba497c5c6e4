package io.tandem.store;

import io.tandem.config.TandemProperties;
import io.tandem.engine.MemberId;
import io.tandem.moderation.SendingLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The sending limit in Redis, so that every instance counts the same sends: per member a sliding window of their
 * sends of the last hour ({@code sends:<user>}, a sorted set scored by time, expiring an hour after the last send),
 * checked against both limits and added to in one script. A member's window is theirs: forgetting them deletes it.
 */
@Repository
public class RedisSendingLimit implements SendingLimit {

    private static final Duration HOUR = Duration.ofHours(1);

    /**
     * KEYS[1] the member's sends; ARGV: now (ms), the hour (ms), sends per hour, the burst window (ms), sends per
     * burst window, a unique name for this send. Answers 0 when the send was counted, else the milliseconds until
     * one would be.
     */
    private static final RedisScript<Long> TAKE = new DefaultRedisScript<>("""
            local now = tonumber(ARGV[1])
            local hour = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - hour)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return math.max(1, tonumber(oldest[2]) + hour - now)
            end
            local window = tonumber(ARGV[4])
            local recent = '(' .. (now - window)
            if redis.call('ZCOUNT', KEYS[1], recent, '+inf') >= tonumber(ARGV[5]) then
              local first = redis.call('ZRANGEBYSCORE', KEYS[1], recent, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
              return math.max(1, tonumber(first[2]) + window - now)
            end
            redis.call('ZADD', KEYS[1], now, ARGV[6])
            redis.call('PEXPIRE', KEYS[1], hour)
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final TandemProperties.Limits limits;

    public RedisSendingLimit(StringRedisTemplate redis, Clock clock, TandemProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.limits = properties.limits();
    }

    @Override
    public Optional<Duration> take(MemberId sender) {
        Long wait = RedisCalls.call(() -> redis.execute(
                TAKE,
                List.of(RedisKeys.sends(sender)),
                String.valueOf(clock.millis()),
                String.valueOf(HOUR.toMillis()),
                String.valueOf(limits.notifyPerHour()),
                String.valueOf(limits.notifyBurstWindow().toMillis()),
                String.valueOf(limits.notifyBurst()),
                UUID.randomUUID().toString()));
        return wait == null || wait == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }
}

package io.tandem.store;

import io.tandem.delivery.RateGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

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
     * the workspace's sliding window (KEYS[2]: a sorted set of the sends of the window, scored by Redis's time) must
     * have room under the configured permits (ARGV[2], 0 for none) and the learnt rate (KEYS[3]), a tenth of them
     * in any tenth of the window; then both are taken. Answers {0, 0}, or {1, ms} when the conversation is busy,
     * {2, ms} when the window is full. The window is kept even without a limit, so that a 429 can tell how much
     * went through.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ACQUIRE = new DefaultRedisScript<>("""
            local busy = redis.call('PTTL', KEYS[1])
            if busy > 0 then
                return {1, busy}
            end
            local permits = tonumber(ARGV[2])
            if permits <= 0 then
                permits = 1000000
            end
            local learnt = redis.call('GET', KEYS[3])
            if learnt and tonumber(learnt) < permits then
                permits = tonumber(learnt)
            end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
            if redis.call('ZCARD', KEYS[2]) >= permits then
                local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
                return {2, math.max(1, tonumber(oldest[2]) + window - now)}
            end
            -- and a tenth of them in a tenth of the window: sends spread out, not in bursts at each window's turn
            local slice = math.max(1, math.floor(window / 10))
            local recent = redis.call('ZCOUNT', KEYS[2], now - slice + 1, '+inf')
            if permits < 1000000 and recent >= math.ceil(permits / 10) then
                local first = redis.call('ZRANGEBYSCORE', KEYS[2], now - slice + 1, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
                return {2, math.max(1, tonumber(first[2]) + slice - now)}
            end
            redis.call('ZADD', KEYS[2], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[2], window + 1000)
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return {0, 0}
            """, List.class);

    /**
     * A 429: the refused send leaves the window (KEYS[1]); what is left went through, and 90% of it becomes the
     * learnt rate (KEYS[2]) for ARGV[3] ms, or 90% of the learnt rate if that was no higher. Refusals within a
     * second of the last learning are the same burst's, and refusals at about the configured rate (ARGV[4]) a
     * matter of timing: they change nothing.
     */
    private static final RedisScript<Long> REFUSED = new DefaultRedisScript<>("""
            redis.call('ZREM', KEYS[1], ARGV[1])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
            local through = redis.call('ZCARD', KEYS[1])
            local rate = math.max(1, math.floor(through * 0.9))
            local configured = tonumber(ARGV[4])
            if configured > 0 and through >= configured * 0.9 then
                -- refused at about the configured rate: the platform's own count ran a little ahead, nothing to learn
                return configured
            end
            local before = redis.call('GET', KEYS[2])
            if before then
                if tonumber(ARGV[3]) - redis.call('PTTL', KEYS[2]) < 1000 then
                    -- learnt within the last second: the other sends of the same burst, refused too
                    return tonumber(before)
                end
                if tonumber(before) <= rate then
                    rate = math.max(1, math.floor(tonumber(before) * 0.9))
                end
            end
            redis.call('SET', KEYS[2], rate, 'PX', ARGV[3])
            return rate
            """, Long.class);

    @Override
    public Verdict acquire(
            String workspace, String conversation, Duration interval, int permits, Duration window, String ticket) {
        // the keys carry the workspace as hash tag (one Redis Cluster slot); Redis's clock (TIME in the script), so
        // that instances whose clocks differ still share one window
        String tag = tag(workspace);
        List<?> answer = RedisCalls.call(() -> redis.execute(
                ACQUIRE,
                List.of(tag + "pace:" + conversation, tag + "window", tag + "learnt"),
                String.valueOf(Math.max(1, interval.toMillis())),
                String.valueOf(Math.max(0, permits)),
                String.valueOf(window.toMillis()),
                ticket));
        if (answer == null || answer.size() < 2) {
            return Verdict.GO;
        }
        long what = ((Number) answer.get(0)).longValue();
        Duration wait = Duration.ofMillis(((Number) answer.get(1)).longValue());
        return what == 0 ? Verdict.GO : new Verdict(what == 1 ? Full.CONVERSATION : Full.WORKSPACE, wait);
    }

    @Override
    public int refused(String workspace, String ticket, int permits, Duration window, Duration remember) {
        String tag = tag(workspace);
        Long rate = RedisCalls.call(() -> redis.execute(
                REFUSED,
                List.of(tag + "window", tag + "learnt"),
                ticket == null ? "" : ticket,
                String.valueOf(window.toMillis()),
                String.valueOf(remember.toMillis()),
                String.valueOf(Math.max(0, permits))));
        return rate == null ? 1 : rate.intValue();
    }

    private static String tag(String workspace) {
        return PREFIX + "{" + workspace + "}:";
    }

    @Override
    public void pause(String key, Duration duration) {
        Instant until = clock.instant().plus(duration);
        RedisCalls.run(() -> redis.opsForValue()
                .set(PREFIX + "pause:" + key, String.valueOf(until.toEpochMilli()), duration.plusSeconds(1)));
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

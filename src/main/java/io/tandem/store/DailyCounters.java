package io.tandem.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Per-day counters of a workspace (UTC days), summed over a period for the leads' statistics. */
final class DailyCounters {

    /** Long enough for "all time" statistics of a few years; a day's hash is a handful of fields. */
    private static final Duration KEPT = Duration.ofDays(3 * 366);

    private DailyCounters() {}

    static void increment(StringRedisTemplate redis, String workspace, Instant at, String counter) {
        String key = RedisKeys.daily(workspace, at.atZone(ZoneOffset.UTC).toLocalDate());
        RedisCalls.run(() -> {
            redis.opsForHash().increment(key, counter, 1);
            redis.expire(key, KEPT);
        });
    }

    /** Each counter summed over the days from {@code from} to {@code to}, both included. */
    static Map<String, Long> sum(StringRedisTemplate redis, String workspace, LocalDate from, LocalDate to) {
        List<String> keys = from.datesUntil(to.plusDays(1))
                .map(d -> RedisKeys.daily(workspace, d))
                .toList();
        List<Object> days = RedisCalls.call(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            keys.forEach(k -> connection.hashCommands().hGetAll(k.getBytes(StandardCharsets.UTF_8)));
            return null;
        }));
        Map<String, Long> out = new HashMap<>();
        for (Object day : days == null ? List.of() : days) {
            if (day instanceof Map<?, ?> fields) {
                fields.forEach((k, v) -> out.merge(String.valueOf(k), Long.parseLong(String.valueOf(v)), Long::sum));
            }
        }
        return out;
    }
}

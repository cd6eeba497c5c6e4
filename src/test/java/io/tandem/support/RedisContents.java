package io.tandem.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Everything Redis holds, read back for privacy and data-loss checks: every key with the values of its strings,
 * hashes ({@code field=value}), sets, sorted sets and lists.
 */
public final class RedisContents {

    private RedisContents() {}

    /** Each key (that {@code keys} accepts), sorted, with its values as text. */
    public static Map<String, List<String>> of(StringRedisTemplate redis, Predicate<String> keys) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String key : redis.keys("*")) {
            if (!keys.test(key)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            switch (redis.type(key)) {
                case STRING -> values.add(redis.opsForValue().get(key));
                case HASH -> redis.opsForHash().entries(key).forEach((k, v) -> values.add(k + "=" + v));
                case SET -> values.addAll(redis.opsForSet().members(key));
                case ZSET -> values.addAll(redis.opsForZSet().range(key, 0, -1));
                case LIST -> values.addAll(redis.opsForList().range(key, 0, -1));
                default -> {
                    // NONE (expired meanwhile) or a type Tandem does not write
                }
            }
            out.put(key, values);
        }
        return out;
    }

    public static Map<String, List<String>> of(StringRedisTemplate redis) {
        return of(redis, key -> true);
    }

    /** All of it as one text, a line per key: {@code key value value…}, to search for a name or an email. */
    public static String text(StringRedisTemplate redis, Predicate<String> keys) {
        return of(redis, keys).entrySet().stream()
                .map(e -> e.getKey() + " " + String.join(" ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    public static String text(StringRedisTemplate redis) {
        return text(redis, key -> true);
    }
}

package io.tandem.store;

import io.tandem.slack.SlackLongValues;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** {@code tandem:{ws}:blockval:<id>}: one string per long value, expiring after three days. */
@Repository
public class RedisSlackLongValues implements SlackLongValues {

    static final Duration LIVES = Duration.ofDays(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;

    public RedisSlackLongValues(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(String workspace, String id) {
        return RedisKeys.prefix(workspace) + "blockval:" + id;
    }

    @Override
    public String keep(String workspace, String value) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RedisCalls.run(() -> redis.opsForValue().set(key(workspace, id), value, LIVES));
        return id;
    }

    @Override
    public Optional<String> get(String workspace, String id) {
        return Optional.ofNullable(RedisCalls.call(() -> redis.opsForValue().get(key(workspace, id))));
    }
}

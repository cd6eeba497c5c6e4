package io.tandem.store;

import io.tandem.engine.Once;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** {@code SET key NX EX}: the first instance to set the key handles the event. */
@Repository
public class RedisOnce implements Once {

    private final StringRedisTemplate redis;

    public RedisOnce(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public boolean first(String key, Duration window) {
        return Boolean.TRUE.equals(
                RedisCalls.call(() -> redis.opsForValue().setIfAbsent("tandem:once:" + key, "1", window)));
    }

    @Override
    public void forget(String key) {
        RedisCalls.run(() -> redis.delete("tandem:once:" + key));
    }
}

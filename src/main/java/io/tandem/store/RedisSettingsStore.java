package io.tandem.store;

import io.tandem.programme.SettingsStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Programme settings changed from chat: one hash per workspace. */
@Repository
public class RedisSettingsStore implements SettingsStore {

    private final StringRedisTemplate redis;

    public RedisSettingsStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(String workspace) {
        return RedisKeys.prefix(workspace) + "settings";
    }

    @Override
    public Map<String, String> all(String workspace) {
        Map<Object, Object> raw = RedisCalls.call(() -> redis.opsForHash().entries(key(workspace)));
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    @Override
    public void set(String workspace, String key, String value) {
        RedisCalls.run(() -> redis.opsForHash().put(key(workspace), key, value));
    }

    @Override
    public void remove(String workspace, String key) {
        RedisCalls.run(() -> redis.opsForHash().delete(key(workspace), key));
    }
}

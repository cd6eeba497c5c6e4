package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.nudges.NudgePreferences;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** The kinds of nudges a member turned off: one small set per member. */
@Repository
public class RedisNudgePreferences implements NudgePreferences {

    private final StringRedisTemplate redis;

    public RedisNudgePreferences(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "nudges-off:" + m.user();
    }

    @Override
    public Set<String> off(MemberId member) {
        Set<String> off = RedisCalls.call(() -> redis.opsForSet().members(key(member)));
        return off == null ? Set.of() : off;
    }

    @Override
    public void set(MemberId member, String category, boolean off) {
        RedisCalls.run(() -> {
            if (off) {
                redis.opsForSet().add(key(member), category);
            } else {
                redis.opsForSet().remove(key(member), category);
            }
        });
    }
}

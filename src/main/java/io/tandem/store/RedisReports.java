package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.moderation.Reports;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** What each member reported: one small set per member ({@code reported:<user>}), deleted when they are forgotten. */
@Repository
public class RedisReports implements Reports {

    private final StringRedisTemplate redis;

    public RedisReports(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String key(MemberId member) {
        return RedisKeys.prefix(member.workspace()) + "reported:" + member.user();
    }

    @Override
    public boolean first(MemberId reporter, String kind, String id) {
        Long added = RedisCalls.call(() -> redis.opsForSet().add(key(reporter), kind + ":" + id));
        return added != null && added > 0;
    }

    @Override
    public Set<String> madeBy(MemberId reporter) {
        Set<String> made = RedisCalls.call(() -> redis.opsForSet().members(key(reporter)));
        return made == null ? Set.of() : made;
    }
}

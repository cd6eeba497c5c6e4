package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.teams.TeamsConversations;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Conversation references as strings, one per member, shared by every instance. */
@Repository
public class RedisTeamsConversations implements TeamsConversations {

    private final StringRedisTemplate redis;

    public RedisTeamsConversations(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(MemberId member) {
        return RedisKeys.prefix(member.workspace()) + "teams-conversation:" + member.user();
    }

    @Override
    public void save(MemberId member, String referenceJson) {
        RedisCalls.run(() -> redis.opsForValue().set(key(member), referenceJson));
    }

    @Override
    public Optional<String> find(MemberId member) {
        return Optional.ofNullable(RedisCalls.call(() -> redis.opsForValue().get(key(member))));
    }
}

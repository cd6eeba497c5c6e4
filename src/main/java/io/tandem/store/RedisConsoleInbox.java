package io.tandem.store;

import io.tandem.console.ConsoleInbox;
import io.tandem.engine.MemberId;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Console inboxes as Redis lists, trimmed to {@link ConsoleInbox#CAPACITY}. */
@Repository
public class RedisConsoleInbox implements ConsoleInbox {

    private final StringRedisTemplate redis;

    public RedisConsoleInbox(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void append(MemberId member, String renderedJson) {
        String key = RedisKeys.inbox(member);
        RedisCalls.run(() -> {
            redis.opsForList().rightPush(key, renderedJson);
            redis.opsForList().trim(key, -CAPACITY, -1);
        });
    }

    @Override
    public List<String> read(MemberId member) {
        return RedisCalls.call(() -> {
            List<String> items = redis.opsForList().range(RedisKeys.inbox(member), 0, -1);
            return items == null ? List.of() : items;
        });
    }
}

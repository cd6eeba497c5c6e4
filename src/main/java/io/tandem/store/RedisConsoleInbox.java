package io.tandem.store;

import io.tandem.console.ConsoleInbox;
import io.tandem.engine.MemberId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Console inboxes as Redis lists, trimmed to {@link ConsoleInbox#CAPACITY}. */
@Repository
public class RedisConsoleInbox implements ConsoleInbox {

    private final StringRedisTemplate redis;

    public RedisConsoleInbox(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void append(MemberId member, String renderedJson, Collection<MemberId> about) {
        String key = RedisKeys.inbox(member);
        RedisCalls.pipelined(redis, o -> {
            o.opsForSet().add(inboxes(member.workspace()), member.user());
            o.opsForList().rightPush(key, renderedJson);
            o.opsForList().trim(key, -CAPACITY, -1);
        });
    }

    /** The workspace's members who have a console inbox. */
    static String inboxes(String workspace) {
        return RedisKeys.prefix(workspace) + "inboxes";
    }

    /**
     * The member's erasure: their inbox goes with their keys, and each notification that shows them leaves their
     * colleagues' inboxes (the notifications record whom they show under {@code about}).
     */
    static void forget(StringRedisTemplate redis, JsonMapper json, MemberId member) {
        String ws = member.workspace();
        Set<String> owners = RedisCalls.call(() -> redis.opsForSet().members(inboxes(ws)));
        for (String owner : owners == null ? Set.<String>of() : owners) {
            if (!owner.equals(member.user())) {
                forget(redis, json, new MemberId(ws, owner), member);
            }
        }
        RedisCalls.run(() -> redis.opsForSet().remove(inboxes(ws), member.user()));
    }

    private static void forget(StringRedisTemplate redis, JsonMapper json, MemberId inboxOf, MemberId member) {
        String key = RedisKeys.inbox(inboxOf);
        List<String> items = RedisCalls.call(() -> redis.opsForList().range(key, 0, -1));
        for (String item : items == null ? List.<String>of() : items) {
            JsonNode about = json.readTree(item).path("about");
            for (JsonNode id : about) {
                if (id.asString().equals(member.toString())) {
                    RedisCalls.run(() -> redis.opsForList().remove(key, 0, item));
                    break;
                }
            }
        }
    }

    @Override
    public List<String> read(MemberId member) {
        return RedisCalls.call(() -> {
            List<String> items = redis.opsForList().range(RedisKeys.inbox(member), 0, -1);
            return items == null ? List.of() : items;
        });
    }
}

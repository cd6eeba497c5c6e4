package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.recognition.Thanks;
import io.tandem.recognition.ThanksStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thanks as JSON strings ({@code thanks:<id>}) listed by time in the workspace's index ({@code index:thanks}) and
 * under both people ({@link Ownership}), which is how a member's thanks are found, exported and forgotten. The
 * choice to be named, and whether it was asked, are sets of user ids.
 */
@Repository
public class RedisThanksStore implements ThanksStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisThanksStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String key(String ws, String id) {
        return RedisKeys.prefix(ws) + "thanks:" + id;
    }

    static String namedKey(String ws) {
        return RedisKeys.prefix(ws) + "recognition-named";
    }

    static String askedKey(String ws) {
        return RedisKeys.prefix(ws) + "recognition-asked";
    }

    @Override
    public void save(Thanks thanks) {
        String ws = thanks.from().workspace();
        String value = json.writeValueAsString(thanks);
        RedisCalls.pipelined(redis, o -> {
            Ownership.claim(o, Ownership.THANKS + thanks.id(), List.of(thanks.from(), thanks.to()));
            o.opsForValue().set(key(ws, thanks.id()), value);
            o.opsForZSet()
                    .add(RedisKeys.index(ws, "thanks"), thanks.id(), thanks.at().toEpochMilli());
        });
    }

    @Override
    public List<Thanks> received(MemberId member) {
        Set<String> entries = RedisCalls.call(() -> redis.opsForSet().members(Ownership.key(member)));
        List<String> ids = entries == null
                ? List.of()
                : entries.stream()
                        .filter(e -> e.startsWith(Ownership.THANKS))
                        .map(e -> e.substring(Ownership.THANKS.length()))
                        .toList();
        return read(member.workspace(), ids).stream()
                .filter(t -> t.to().equals(member))
                .sorted(Comparator.comparing(Thanks::at).reversed())
                .toList();
    }

    @Override
    public List<Thanks> between(String workspace, Instant from, Instant to) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet()
                .rangeByScore(RedisKeys.index(workspace, "thanks"), from.toEpochMilli(), to.toEpochMilli()));
        return read(workspace, ids == null ? List.of() : List.copyOf(ids));
    }

    private List<Thanks> read(String ws, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = RedisCalls.call(() ->
                redis.opsForValue().multiGet(ids.stream().map(id -> key(ws, id)).toList()));
        List<Thanks> out = new ArrayList<>();
        (values == null ? List.<String>of() : values)
                .stream().filter(Objects::nonNull).forEach(v -> out.add(json.readValue(v, Thanks.class)));
        return out;
    }

    @Override
    public void choose(MemberId member, boolean name) {
        RedisCalls.pipelined(redis, o -> {
            o.opsForSet().add(askedKey(member.workspace()), member.user());
            if (name) {
                o.opsForSet().add(namedKey(member.workspace()), member.user());
            } else {
                o.opsForSet().remove(namedKey(member.workspace()), member.user());
            }
        });
    }

    @Override
    public boolean named(MemberId member) {
        return Boolean.TRUE.equals(
                RedisCalls.call(() -> redis.opsForSet().isMember(namedKey(member.workspace()), member.user())));
    }

    @Override
    public Set<String> named(String workspace) {
        Set<String> users = RedisCalls.call(() -> redis.opsForSet().members(namedKey(workspace)));
        return users == null ? Set.of() : users;
    }

    @Override
    public boolean firstAsk(MemberId member) {
        Long added = RedisCalls.call(() -> redis.opsForSet().add(askedKey(member.workspace()), member.user()));
        return added != null && added == 1;
    }
}

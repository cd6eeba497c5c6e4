package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions and check-ins as JSON strings, with per-member sorted sets of session ids by start time, a workspace
 * index of check-ins by answer time (what note retention reads) and one global index from calendar token to
 * session. Every record is listed under each member it names ({@link Ownership}).
 */
@Repository
public class RedisSessionStore implements SessionStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisSessionStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    private void pipelined(Consumer<RedisOperations<String, String>> commands) {
        RedisCalls.pipelined(redis, commands);
    }

    static String sessionKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "session:" + id;
    }

    static String memberSessions(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "sessions:" + m.user();
    }

    /** Calendar links are looked up without knowing the workspace: one global index, token → workspace. */
    private static String token(String token) {
        return "tandem:calendar-token:" + token;
    }

    @Override
    public void save(Session s) {
        String ws = s.organizer().workspace();
        String value = json.writeValueAsString(s);
        pipelined(o -> {
            Ownership.claim(o, Ownership.SESSION + s.id(), s.people());
            o.opsForValue().set(sessionKey(ws, s.id()), value);
            o.opsForZSet().add(memberSessions(s.organizer()), s.id(), s.start().toEpochMilli());
            o.opsForZSet().add(memberSessions(s.other()), s.id(), s.start().toEpochMilli());
            o.opsForZSet()
                    .add(RedisKeys.index(ws, "sessions"), s.id(), s.start().toEpochMilli());
            o.opsForValue().set(token(s.token()), ws + "|" + s.id());
        });
    }

    @Override
    public Optional<Session> session(String workspace, String id) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(sessionKey(workspace, id)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, Session.class));
    }

    @Override
    public List<Session> sessions(MemberId member) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet().range(memberSessions(member), 0, -1));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys =
                ids.stream().map(id -> sessionKey(member.workspace(), id)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values)
                .stream()
                        .filter(Objects::nonNull)
                        .map(v -> json.readValue(v, Session.class))
                        .sorted(Comparator.comparing(Session::start))
                        .toList();
    }

    @Override
    public Optional<Session> sessionByToken(String tokenValue) {
        String where = RedisCalls.call(() -> redis.opsForValue().get(token(tokenValue)));
        if (where == null || !where.contains("|")) {
            return Optional.empty();
        }
        String[] parts = where.split("\\|", 2);
        return session(parts[0], parts[1]).filter(s -> s.token().equals(tokenValue));
    }

    static String checkInKey(String ws, String sessionId, MemberId member) {
        return RedisKeys.prefix(ws) + "checkin:" + sessionId + ":" + member.user();
    }

    @Override
    public void save(CheckIn c) {
        String value = json.writeValueAsString(c);
        String ws = c.member().workspace();
        pipelined(o -> {
            Ownership.claim(o, Ownership.CHECKIN + c.sessionId(), List.of(c.member()));
            o.opsForValue().set(checkInKey(ws, c.sessionId(), c.member()), value);
            o.opsForZSet()
                    .add(
                            RedisKeys.index(ws, "checkins"),
                            c.sessionId() + ":" + c.member().user(),
                            c.answeredAt() == null ? 0 : c.answeredAt().toEpochMilli());
        });
    }

    @Override
    public Optional<CheckIn> checkIn(String workspace, String sessionId, MemberId member) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(checkInKey(workspace, sessionId, member)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, CheckIn.class));
    }

    @Override
    public int clearNotesBefore(String workspace, Instant before) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet()
                .rangeByScore(
                        RedisKeys.index(workspace, "checkins"), Double.NEGATIVE_INFINITY, before.toEpochMilli() - 1));
        int cleared = 0;
        for (String id : ids == null ? Set.<String>of() : ids) {
            String key = RedisKeys.prefix(workspace) + "checkin:" + id;
            String value = RedisCalls.call(() -> redis.opsForValue().get(key));
            if (value == null) {
                continue;
            }
            CheckIn c = json.readValue(value, CheckIn.class);
            if (c.note() != null) {
                String without = json.writeValueAsString(c.withoutNote());
                RedisCalls.run(() -> redis.opsForValue().set(key, without));
                cleared++;
            }
        }
        return cleared;
    }
}

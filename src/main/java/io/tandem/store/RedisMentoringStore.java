package io.tandem.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import io.tandem.engine.MemberId;
import io.tandem.mentoring.CheckIn;
import io.tandem.mentoring.MentoringRequest;
import io.tandem.mentoring.MentoringStore;
import io.tandem.mentoring.Pair;
import io.tandem.mentoring.Session;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests and pairs as JSON strings, with per-member sets of ids and a sorted set of pending requests by
 * creation time (what expiry reads). All keys of a workspace share its hash tag.
 */
@Repository
public class RedisMentoringStore implements MentoringStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisMentoringStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    private static String requestKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "request:" + id;
    }

    private static String memberRequests(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "requests:" + m.user();
    }

    private static String pendingByAge(String ws) {
        return RedisKeys.prefix(ws) + "requests:pending";
    }

    private static String pairKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "pair:" + id;
    }

    private static String memberPairs(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "pairs:" + m.user();
    }

    @Override
    public void save(MentoringRequest r) {
        String ws = r.mentee().workspace();
        String value = json.writeValueAsString(r);
        RedisCalls.run(() -> {
            redis.opsForValue().set(requestKey(ws, r.id()), value);
            redis.opsForSet().add(memberRequests(r.mentee()), r.id());
            redis.opsForSet().add(memberRequests(r.mentor()), r.id());
            redis.opsForZSet().add(RedisKeys.index(ws, "requests"), r.id(), r.createdAt().toEpochMilli());
            if (r.pending()) {
                redis.opsForZSet().add(pendingByAge(ws), r.id(), r.createdAt().toEpochMilli());
            } else {
                redis.opsForZSet().remove(pendingByAge(ws), r.id());
            }
        });
    }

    @Override
    public Optional<MentoringRequest> request(String workspace, String id) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(requestKey(workspace, id)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, MentoringRequest.class));
    }

    @Override
    public List<MentoringRequest> pending(MemberId member) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(memberRequests(member)));
        return requests(member.workspace(), ids).stream().filter(MentoringRequest::pending)
                .sorted(Comparator.comparing(MentoringRequest::createdAt)).toList();
    }

    @Override
    public List<MentoringRequest> pendingCreatedBefore(String workspace, Instant before) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet().rangeByScore(pendingByAge(workspace),
                Double.NEGATIVE_INFINITY, before.toEpochMilli()));
        return requests(workspace, ids).stream().filter(MentoringRequest::pending)
                .sorted(Comparator.comparing(MentoringRequest::createdAt)).toList();
    }

    private List<MentoringRequest> requests(String ws, Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(id -> requestKey(ws, id)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        List<MentoringRequest> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v != null) {
                out.add(json.readValue(v, MentoringRequest.class));
            }
        }
        return out;
    }

    @Override
    public void save(Pair p) {
        String ws = p.mentor().workspace();
        String value = json.writeValueAsString(p);
        RedisCalls.run(() -> {
            redis.opsForValue().set(pairKey(ws, p.id()), value);
            redis.opsForSet().add(memberPairs(p.mentor()), p.id());
            redis.opsForSet().add(memberPairs(p.mentee()), p.id());
            redis.opsForZSet().add(RedisKeys.index(ws, "pairs"), p.id(),
                    p.createdAt() == null ? 0 : p.createdAt().toEpochMilli());
            if (p.status() == Pair.Status.ACTIVE) {
                redis.opsForSet().add(activePairsKey(ws), p.id());
            } else {
                redis.opsForSet().remove(activePairsKey(ws), p.id());
            }
        });
    }

    private static String activePairsKey(String ws) {
        return RedisKeys.prefix(ws) + "pairs:active";
    }

    @Override
    public List<Pair> activePairs(String workspace) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(activePairsKey(workspace)));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> values = RedisCalls.call(() -> redis.opsForValue()
                .multiGet(ids.stream().map(id -> pairKey(workspace, id)).toList()));
        List<Pair> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v != null) {
                Pair pair = json.readValue(v, Pair.class);
                if (pair.status() == Pair.Status.ACTIVE) {
                    out.add(pair);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Pair> pair(String workspace, String id) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(pairKey(workspace, id)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, Pair.class));
    }

    @Override
    public List<Pair> pairs(MemberId member) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(memberPairs(member)));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(id -> pairKey(member.workspace(), id)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values).stream().filter(Objects::nonNull)
                .map(v -> json.readValue(v, Pair.class))
                .sorted(Comparator.comparing(Pair::createdAt).reversed()).toList();
    }

    @Override
    public void saveFeedback(String workspace, String pairId, MemberId author, String feedback) {
        RedisCalls.run(() -> redis.opsForHash().put(RedisKeys.prefix(workspace) + "pair-feedback:" + pairId,
                author.user(), feedback));
    }

    private static String sessionKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "session:" + id;
    }

    private static String memberSessions(MemberId m) {
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
        RedisCalls.run(() -> {
            redis.opsForValue().set(sessionKey(ws, s.id()), value);
            redis.opsForZSet().add(memberSessions(s.organizer()), s.id(), s.start().toEpochMilli());
            redis.opsForZSet().add(memberSessions(s.other()), s.id(), s.start().toEpochMilli());
            redis.opsForZSet().add(RedisKeys.index(ws, "sessions"), s.id(), s.start().toEpochMilli());
            redis.opsForValue().set(token(s.token()), ws + "|" + s.id());
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
        List<String> keys = ids.stream().map(id -> sessionKey(member.workspace(), id)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values).stream().filter(Objects::nonNull)
                .map(v -> json.readValue(v, Session.class)).sorted(Comparator.comparing(Session::start)).toList();
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

    private static String checkInKey(String ws, String sessionId, MemberId member) {
        return RedisKeys.prefix(ws) + "checkin:" + sessionId + ":" + member.user();
    }

    @Override
    public void save(CheckIn c) {
        String value = json.writeValueAsString(c);
        String ws = c.member().workspace();
        RedisCalls.run(() -> {
            redis.opsForValue().set(checkInKey(ws, c.sessionId(), c.member()), value);
            redis.opsForZSet().add(RedisKeys.index(ws, "checkins"), c.sessionId() + ":" + c.member().user(),
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
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet().rangeByScore(RedisKeys.index(workspace, "checkins"),
                Double.NEGATIVE_INFINITY, before.toEpochMilli() - 1));
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

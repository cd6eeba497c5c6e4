package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests and pairs as JSON strings, with per-member sets of ids and a sorted set of pending requests by
 * creation time (what expiry reads). All keys of a workspace share its hash tag. Every record is listed under each
 * member it names ({@link Ownership}). Answering a request and changing a pair are Redis scripts that check the
 * record is still as it was read (a request still pending, a pair still in its status), so two clicks on two
 * instances never both act; accepting also takes the mentor's place in the same step, or refuses when none is left.
 */
@Repository
public class RedisPairingStore implements RequestStore, PairStore {

    /** Requests and pairs formed per pipeline by {@link #saveAndAcceptAll}. */
    private static final int BATCH = 250;

    private static final int ACCEPT_KEYS = 10;

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisPairingStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String requestKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "request:" + id;
    }

    static String memberRequests(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "requests:" + m.user();
    }

    private static String pendingByAge(String ws) {
        return RedisKeys.prefix(ws) + "requests:pending";
    }

    static String pairKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "pair:" + id;
    }

    static String memberPairs(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "pairs:" + m.user();
    }

    @Override
    public void save(MentoringRequest r) {
        pipelined(o -> save(o, r));
    }

    private void save(RedisOperations<String, String> o, MentoringRequest r) {
        String ws = r.mentee().workspace();
        Ownership.claim(o, Ownership.REQUEST + r.id(), r.people());
        o.opsForValue().set(requestKey(ws, r.id()), json.writeValueAsString(r));
        o.opsForSet().add(memberRequests(r.mentee()), r.id());
        o.opsForSet().add(memberRequests(r.mentor()), r.id());
        o.opsForZSet()
                .add(RedisKeys.index(ws, "requests"), r.id(), r.createdAt().toEpochMilli());
        if (r.pending()) {
            o.opsForZSet().add(pendingByAge(ws), r.id(), r.createdAt().toEpochMilli());
        } else {
            o.opsForZSet().remove(pendingByAge(ws), r.id());
        }
    }

    /**
     * After a change of a mentor's count of mentees: the version goes up (searches read the profile again) and the
     * mentor's places in the teacher indexes get the new spare capacity (the same keys as {@link RedisProfileStore}).
     */
    private static final String RESCORE = """
            local function rescore(prefix, profile, user)
              redis.call('HINCRBY', profile, 'v', 1)
              local h = redis.call('HMGET', profile, 'cap', 'cnt', 'p', 't', 'sen')
              if h[3] == '1' then return end
              local spare = math.max(0, (tonumber(h[1]) or 0) - (tonumber(h[2]) or 0))
              local band = h[5]
              if not band or band == '' then band = 'none' end
              for skill in string.gmatch(h[4] or '', '[^,]+') do
                redis.call('ZADD', prefix .. 'teach:' .. skill .. ':' .. band, spare, user)
              end
            end
            """;

    /**
     * KEYS: request, mentor's profile, pair, mentor's pairs, mentee's pairs, pairs index, active pairs, pending
     * requests, mentor's and mentee's ownership sets. ARGV: answered request, pair, pair id, created at, request id,
     * workspace prefix, mentor's user id. 1 accepted, 0 already answered, -1 the mentor has no place left.
     */
    private static final RedisScript<Long> ACCEPT = new DefaultRedisScript<>(RESCORE + """
            local current = redis.call('GET', KEYS[1])
            if not current or cjson.decode(current)['status'] ~= 'PENDING' then return 0 end
            if redis.call('EXISTS', KEYS[2]) == 1 then
              local cap = tonumber(redis.call('HGET', KEYS[2], 'cap') or '0') or 0
              local cnt = tonumber(redis.call('HGET', KEYS[2], 'cnt') or '0') or 0
              if cnt >= cap then return -1 end
            end
            redis.call('SADD', KEYS[9], 'pair:' .. ARGV[3])
            redis.call('SADD', KEYS[10], 'pair:' .. ARGV[3])
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[8], ARGV[5])
            redis.call('SET', KEYS[3], ARGV[2])
            redis.call('SADD', KEYS[4], ARGV[3])
            redis.call('SADD', KEYS[5], ARGV[3])
            redis.call('ZADD', KEYS[6], ARGV[4], ARGV[3])
            redis.call('SADD', KEYS[7], ARGV[3])
            if redis.call('EXISTS', KEYS[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], 'cnt', 1)
              rescore(ARGV[6], KEYS[2], ARGV[7])
            end
            return 1
            """, Long.class);

    /** KEYS: request, pending requests. ARGV: answered request, request id. 1 answered, 0 it was not pending. */
    private static final RedisScript<Long> ANSWER = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if not current or cjson.decode(current)['status'] ~= 'PENDING' then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[2])
            return 1
            """, Long.class);

    /**
     * KEYS: pair, active pairs, mentor's profile. ARGV: expected status, changed pair, pair id, change of the mentor's
     * count (-1, 0 or 1), new status, workspace prefix, mentor's user id. 1 changed, 0 the pair was not in that status.
     */
    private static final RedisScript<Long> CHANGE_PAIR = new DefaultRedisScript<>(RESCORE + """
            local current = redis.call('GET', KEYS[1])
            if not current or cjson.decode(current)['status'] ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            if ARGV[5] == 'ACTIVE' then
              redis.call('SADD', KEYS[2], ARGV[3])
            else
              redis.call('SREM', KEYS[2], ARGV[3])
            end
            local delta = tonumber(ARGV[4])
            if delta ~= 0 and redis.call('EXISTS', KEYS[3]) == 1 then
              local cnt = tonumber(redis.call('HGET', KEYS[3], 'cnt') or '0') or 0
              redis.call('HSET', KEYS[3], 'cnt', math.max(0, cnt + delta))
              rescore(ARGV[6], KEYS[3], ARGV[7])
            end
            return 1
            """, Long.class);

    @Override
    public Acceptance accept(MentoringRequest answered, Pair pair) {
        List<String> keys = acceptKeys(answered, pair);
        List<String> args = acceptArgs(answered, pair);
        return acceptance(RedisCalls.call(() -> redis.execute(ACCEPT, keys, args.toArray())));
    }

    private static Acceptance acceptance(Object done) {
        long result = done instanceof Number n ? n.longValue() : 0;
        return result == 0 ? Acceptance.ALREADY_ANSWERED : result < 0 ? Acceptance.MENTOR_FULL : Acceptance.ACCEPTED;
    }

    private static List<String> acceptKeys(MentoringRequest answered, Pair pair) {
        String ws = pair.mentor().workspace();
        return List.of(
                requestKey(ws, answered.id()),
                RedisKeys.member(pair.mentor()),
                pairKey(ws, pair.id()),
                memberPairs(pair.mentor()),
                memberPairs(pair.mentee()),
                RedisKeys.index(ws, "pairs"),
                activePairsKey(ws),
                pendingByAge(ws),
                Ownership.key(pair.mentor()),
                Ownership.key(pair.mentee()));
    }

    private List<String> acceptArgs(MentoringRequest answered, Pair pair) {
        String ws = pair.mentor().workspace();
        return List.of(
                json.writeValueAsString(answered),
                json.writeValueAsString(pair),
                pair.id(),
                String.valueOf(pair.createdAt().toEpochMilli()),
                answered.id(),
                RedisKeys.prefix(ws),
                pair.mentor().user());
    }

    /**
     * Per batch, two round trips: the requests saved, in one pipeline, then each accepted by the same script as
     * {@link #accept}, in a second one (Redis runs them one after the other, each atomic, so places hold).
     */
    @Override
    public List<Acceptance> saveAndAcceptAll(List<Formation> formations) {
        List<Acceptance> out = new ArrayList<>();
        byte[] sha = ACCEPT.getSha1().getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < formations.size(); from += BATCH) {
            List<Formation> batch = formations.subList(from, Math.min(formations.size(), from + BATCH));
            pipelined(o -> batch.forEach(f -> save(o, f.request())));
            List<byte[][]> calls = batch.stream()
                    .map(f -> Stream.concat(
                                    acceptKeys(f.answered(), f.pair()).stream(),
                                    acceptArgs(f.answered(), f.pair()).stream())
                            .map(v -> v.getBytes(StandardCharsets.UTF_8))
                            .toArray(byte[][]::new))
                    .toList();
            // the script is loaded first (a no-op when it is), so that each call sends its hash, not its text
            List<Object> results = RedisCalls.call(() -> redis.executePipelined((RedisCallback<Object>) c -> {
                c.scriptingCommands().scriptLoad(ACCEPT.getScriptAsString().getBytes(StandardCharsets.UTF_8));
                for (byte[][] keysAndArgs : calls) {
                    c.scriptingCommands().evalSha(sha, ReturnType.INTEGER, ACCEPT_KEYS, keysAndArgs);
                }
                return null;
            }));
            results = results.subList(1, results.size());
            results.forEach(r -> out.add(acceptance(r)));
        }
        return out;
    }

    @Override
    public boolean answer(MentoringRequest answered) {
        String ws = answered.mentee().workspace();
        Long done = RedisCalls.call(() -> redis.execute(
                ANSWER,
                List.of(requestKey(ws, answered.id()), pendingByAge(ws)),
                json.writeValueAsString(answered),
                answered.id()));
        return done != null && done == 1;
    }

    @Override
    public boolean change(Pair.Status from, Pair changed) {
        String ws = changed.mentor().workspace();
        boolean wasOpen = from != Pair.Status.ENDED;
        int delta = wasOpen == changed.open() ? 0 : changed.open() ? 1 : -1;
        Long done = RedisCalls.call(() -> redis.execute(
                CHANGE_PAIR,
                List.of(pairKey(ws, changed.id()), activePairsKey(ws), RedisKeys.member(changed.mentor())),
                from.name(),
                json.writeValueAsString(changed),
                changed.id(),
                String.valueOf(delta),
                changed.status().name(),
                RedisKeys.prefix(ws),
                changed.mentor().user()));
        return done != null && done == 1;
    }

    private List<Object> pipelined(Consumer<RedisOperations<String, String>> commands) {
        return RedisCalls.pipelined(redis, commands);
    }

    @Override
    public Optional<MentoringRequest> request(String workspace, String id) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(requestKey(workspace, id)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, MentoringRequest.class));
    }

    @Override
    public List<MentoringRequest> pending(MemberId member) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(memberRequests(member)));
        return requests(member.workspace(), ids).stream()
                .filter(MentoringRequest::pending)
                .sorted(Comparator.comparing(MentoringRequest::createdAt))
                .toList();
    }

    @Override
    public List<MentoringRequest> pendingCreatedBefore(String workspace, Instant before) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet()
                .rangeByScore(pendingByAge(workspace), Double.NEGATIVE_INFINITY, before.toEpochMilli()));
        return requests(workspace, ids).stream()
                .filter(MentoringRequest::pending)
                .sorted(Comparator.comparing(MentoringRequest::createdAt))
                .toList();
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
        pipelined(o -> {
            Ownership.claim(o, Ownership.PAIR + p.id(), p.people());
            o.opsForValue().set(pairKey(ws, p.id()), value);
            o.opsForSet().add(memberPairs(p.mentor()), p.id());
            o.opsForSet().add(memberPairs(p.mentee()), p.id());
            o.opsForZSet()
                    .add(
                            RedisKeys.index(ws, "pairs"),
                            p.id(),
                            p.createdAt() == null ? 0 : p.createdAt().toEpochMilli());
            if (p.status() == Pair.Status.ACTIVE) {
                o.opsForSet().add(activePairsKey(ws), p.id());
            } else {
                o.opsForSet().remove(activePairsKey(ws), p.id());
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
        List<String> keys =
                ids.stream().map(id -> pairKey(member.workspace(), id)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values)
                .stream()
                        .filter(Objects::nonNull)
                        .map(v -> json.readValue(v, Pair.class))
                        .sorted(Comparator.comparing(Pair::createdAt).reversed())
                        .toList();
    }

    /** Two round trips for them all: their sets of pair ids in one pipeline, then every pair in one MGET. */
    @Override
    public Map<MemberId, List<Pair>> pairsOf(Collection<MemberId> members) {
        List<MemberId> people = List.copyOf(new LinkedHashSet<>(members));
        Map<MemberId, List<Pair>> out = new LinkedHashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        List<Object> sets = pipelined(o -> people.forEach(m -> o.opsForSet().members(memberPairs(m))));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String ws = people.get(i).workspace();
            if (sets.get(i) instanceof Collection<?> ids) {
                ids.forEach(id -> keys.add(pairKey(ws, String.valueOf(id))));
            }
        }
        List<String> values = keys.isEmpty()
                ? List.of()
                : RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        Map<String, Pair> byKey = new HashMap<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            if (values.get(i) != null) {
                byKey.put(keys.get(i), json.readValue(values.get(i), Pair.class));
            }
        }
        for (int i = 0; i < people.size(); i++) {
            MemberId m = people.get(i);
            List<Pair> theirs = new ArrayList<>();
            if (sets.get(i) instanceof Collection<?> ids) {
                ids.forEach(id -> {
                    Pair p = byKey.get(pairKey(m.workspace(), String.valueOf(id)));
                    if (p != null) {
                        theirs.add(p);
                    }
                });
            }
            theirs.sort(Comparator.comparing(Pair::createdAt).reversed());
            out.put(m, theirs);
        }
        return out;
    }

    @Override
    public void saveFeedback(String workspace, String pairId, MemberId author, String feedback) {
        pipelined(o -> {
            Ownership.claim(o, Ownership.FEEDBACK + pairId, List.of(author));
            o.opsForHash().put(feedbackKey(workspace, pairId), author.user(), feedback);
        });
    }

    static String feedbackKey(String workspace, String pairId) {
        return RedisKeys.prefix(workspace) + "pair-feedback:" + pairId;
    }
}

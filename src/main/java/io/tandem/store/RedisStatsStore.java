package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.qa.Question;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.stats.StatsStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the records behind the leads' statistics through the per-workspace indexes the other stores keep
 * ({@link RedisKeys#index}): one range read per kind, then the records in one round trip.
 */
@Repository
public class RedisStatsStore implements StatsStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisStatsStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    private <T> List<T> read(String ws, String kind, String recordPrefix, Instant from, Instant to, Class<T> type) {
        Set<String> ids = RedisCalls.call(() ->
                redis.opsForZSet().rangeByScore(RedisKeys.index(ws, kind), from.toEpochMilli(), to.toEpochMilli()));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys =
                ids.stream().map(id -> RedisKeys.prefix(ws) + recordPrefix + id).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values)
                .stream()
                        .filter(Objects::nonNull)
                        .map(v -> json.readValue(v, type))
                        .toList();
    }

    @Override
    public List<MentoringRequest> requests(String ws, Instant from, Instant to) {
        return read(ws, "requests", "request:", from, to, MentoringRequest.class);
    }

    @Override
    public List<Pair> pairs(String ws, Instant from, Instant to) {
        return read(ws, "pairs", "pair:", from, to, Pair.class);
    }

    @Override
    public List<Session> sessions(String ws, Instant from, Instant to) {
        return read(ws, "sessions", "session:", from, to, Session.class);
    }

    @Override
    public List<CheckIn> checkIns(String ws, Instant from, Instant to) {
        // members of the index are "<session>:<user>", as the check-in keys end
        return read(ws, "checkins", "checkin:", from, to, CheckIn.class);
    }

    @Override
    public List<Question> questions(String ws, Instant from, Instant to) {
        return read(ws, "questions", "question:", from, to, Question.class);
    }

    @Override
    public Map<String, Instant> firstAnswers(String ws, Collection<String> questionIds) {
        List<String> ids = List.copyOf(questionIds);
        Map<String, Instant> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object> firsts = RedisCalls.call(() -> redis.executePipelined((RedisCallback<Object>) c -> {
            ids.forEach(id -> c.zSetCommands()
                    .zRangeWithScores(
                            (RedisKeys.prefix(ws) + "question-answers:" + id).getBytes(StandardCharsets.UTF_8), 0, 0));
            return null;
        }));
        for (int i = 0; i < ids.size() && firsts != null; i++) {
            if (firsts.get(i) instanceof Collection<?> first
                    && !first.isEmpty()
                    && first.iterator().next() instanceof ZSetOperations.TypedTuple<?> t
                    && t.getScore() != null) {
                out.put(ids.get(i), Instant.ofEpochMilli(t.getScore().longValue()));
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> counters(String ws, LocalDate from, LocalDate to) {
        return DailyCounters.sum(redis, ws, from, to);
    }

    @Override
    public long members(String ws) {
        Long n = RedisCalls.call(() -> redis.opsForSet().size(RedisKeys.members(ws)));
        return n == null ? 0 : n;
    }

    @Override
    public long paused(String ws) {
        Long n = RedisCalls.call(() -> redis.opsForSet().size(RedisKeys.paused(ws)));
        return n == null ? 0 : n;
    }

    @Override
    public Map<String, Long> learnerCounts(String ws, Collection<String> skills) {
        List<String> order = List.copyOf(skills);
        List<Object> sizes = RedisCalls.call(() -> redis.executePipelined((RedisCallback<Object>) c -> {
            order.forEach(s -> c.setCommands().sCard(RedisKeys.learners(ws, s).getBytes(StandardCharsets.UTF_8)));
            return null;
        }));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < order.size() && sizes != null; i++) {
            if (sizes.get(i) instanceof Number n && n.longValue() > 0) {
                out.put(order.get(i), n.longValue());
            }
        }
        return out;
    }

    @Override
    public Map<MemberId, Long> helpfulAnswers(String ws) {
        return scores(ws, RedisKeys.prefix(ws) + "answers:helpful");
    }

    @Override
    public Map<MemberId, Long> usefulTips(String ws) {
        return scores(ws, RedisKeys.prefix(ws) + "tips-useful-authors");
    }

    private Map<MemberId, Long> scores(String ws, String key) {
        Set<ZSetOperations.TypedTuple<String>> top =
                RedisCalls.call(() -> redis.opsForZSet().reverseRangeWithScores(key, 0, 49));
        Map<MemberId, Long> out = new LinkedHashMap<>();
        for (ZSetOperations.TypedTuple<String> t : top == null ? Set.<ZSetOperations.TypedTuple<String>>of() : top) {
            if (t.getValue() != null && t.getScore() != null) {
                out.put(new MemberId(ws, t.getValue()), t.getScore().longValue());
            }
        }
        return out;
    }
}

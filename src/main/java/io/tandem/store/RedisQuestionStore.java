package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.qa.Answer;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questions and answers as JSON strings; open questions indexed by skill, each member's questions by asker, and
 * a sorted set of how many questions each expert was sent.
 */
@Repository
public class RedisQuestionStore implements QuestionStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    private final Clock clock;

    public RedisQuestionStore(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    static String questionKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "question:" + id;
    }

    private static String openKey(String ws, String skill) {
        return RedisKeys.prefix(ws) + "questions:open:" + skill;
    }

    static String askedKey(MemberId m) {
        return RedisKeys.prefix(m.workspace()) + "questions:asked:" + m.user();
    }

    static String answerKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "answer:" + id;
    }

    private static String answersKey(String ws, String questionId) {
        return RedisKeys.prefix(ws) + "question-answers:" + questionId;
    }

    private static String waitingKey(String ws) {
        return RedisKeys.prefix(ws) + "questions:waiting";
    }

    static String loadKey(String ws) {
        return RedisKeys.prefix(ws) + "questions:load";
    }

    static String helpfulKey(String ws) {
        return RedisKeys.prefix(ws) + "answers:helpful";
    }

    @Override
    public void save(Question q) {
        String value = json.writeValueAsString(q);
        RedisCalls.pipelined(redis, o -> {
            Ownership.claim(o, Ownership.QUESTION + q.id(), q.people());
            o.opsForValue().set(questionKey(q.workspace(), q.id()), value);
            if (q.hidden()) {
                o.opsForZSet().remove(openKey(q.workspace(), q.skill()), q.id());
                o.opsForZSet().remove(waitingKey(q.workspace()), q.id());
            } else {
                o.opsForZSet()
                        .add(
                                openKey(q.workspace(), q.skill()),
                                q.id(),
                                q.createdAt().toEpochMilli());
            }
            if (Ownership.person(q.asker())) {
                o.opsForZSet().add(askedKey(q.asker()), q.id(), q.createdAt().toEpochMilli());
            }
            o.opsForZSet()
                    .add(
                            RedisKeys.index(q.workspace(), "questions"),
                            q.id(),
                            q.createdAt().toEpochMilli());
        });
    }

    @Override
    public Optional<Question> question(String workspace, String id) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(questionKey(workspace, id)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, Question.class));
    }

    @Override
    public List<Question> open(String workspace, Collection<String> skills) {
        Set<String> ids = new HashSet<>();
        for (String skill : skills) {
            Set<String> some = RedisCalls.call(() -> redis.opsForZSet().reverseRange(openKey(workspace, skill), 0, 49));
            if (some != null) {
                ids.addAll(some);
            }
        }
        return questions(workspace, ids);
    }

    @Override
    public List<Question> askedBy(MemberId asker) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet().reverseRange(askedKey(asker), 0, 49));
        return questions(asker.workspace(), ids == null ? Set.of() : ids);
    }

    private List<Question> questions(String ws, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(id -> questionKey(ws, id)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values)
                .stream()
                        .filter(Objects::nonNull)
                        .map(v -> json.readValue(v, Question.class))
                        .sorted(Comparator.comparing(Question::createdAt).reversed())
                        .toList();
    }

    @Override
    public void save(Answer a) {
        String ws = a.author().workspace();
        String value = json.writeValueAsString(a);
        RedisCalls.pipelined(redis, o -> {
            Ownership.claim(o, Ownership.ANSWER + a.id(), List.of(a.author()));
            o.opsForValue().set(answerKey(ws, a.id()), value);
            o.opsForZSet()
                    .add(answersKey(ws, a.questionId()), a.id(), a.createdAt().toEpochMilli());
        });
    }

    @Override
    public Optional<Answer> answer(String workspace, String id) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(answerKey(workspace, id)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, Answer.class));
    }

    @Override
    public List<Answer> answers(String workspace, String questionId) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet().range(answersKey(workspace, questionId), 0, -1));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> values = RedisCalls.call(() -> redis.opsForValue()
                .multiGet(ids.stream().map(id -> answerKey(workspace, id)).toList()));
        List<Answer> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v != null) {
                out.add(json.readValue(v, Answer.class));
            }
        }
        out.sort(Comparator.comparing(Answer::createdAt));
        return out;
    }

    @Override
    public void close(Question q) {
        RedisCalls.run(() -> {
            redis.opsForZSet().remove(openKey(q.workspace(), q.skill()), q.id());
            redis.opsForZSet().remove(waitingKey(q.workspace()), q.id());
        });
    }

    @Override
    public void waitUntil(Question q, Instant at) {
        RedisCalls.run(() -> redis.opsForZSet().add(waitingKey(q.workspace()), q.id(), at.toEpochMilli()));
    }

    @Override
    public List<Question> waitingDue(String workspace, Instant now, int max) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForZSet()
                .rangeByScore(waitingKey(workspace), Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, max));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Question> found = questions(workspace, ids);
        if (found.size() < ids.size()) {
            // a question whose record is gone (erased): nothing to wait for
            Set<String> missing = new HashSet<>(ids);
            found.forEach(q -> missing.remove(q.id()));
            RedisCalls.run(() -> redis.opsForZSet().remove(waitingKey(workspace), missing.toArray()));
        }
        return found.stream().sorted(Comparator.comparing(Question::createdAt)).toList();
    }

    @Override
    public void stopWaiting(Question q) {
        RedisCalls.run(() -> redis.opsForZSet().remove(waitingKey(q.workspace()), q.id()));
    }

    @Override
    public Map<MemberId, Long> load(Collection<MemberId> members) {
        List<MemberId> order = List.copyOf(members);
        Map<MemberId, Long> out = new LinkedHashMap<>();
        if (order.isEmpty()) {
            return out;
        }
        // one round trip for every candidate
        List<Object> scores = RedisCalls.call(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            order.forEach(m -> connection
                    .zSetCommands()
                    .zScore(
                            loadKey(m.workspace()).getBytes(StandardCharsets.UTF_8),
                            m.user().getBytes(StandardCharsets.UTF_8)));
            return null;
        }));
        for (int i = 0; i < order.size(); i++) {
            if (scores.get(i) instanceof Number n) {
                out.put(order.get(i), n.longValue());
            }
        }
        return out;
    }

    @Override
    public void addLoad(MemberId member) {
        RedisCalls.run(() -> redis.opsForZSet().incrementScore(loadKey(member.workspace()), member.user(), 1));
    }

    @Override
    public void countHelpful(MemberId author) {
        if (Ownership.person(author)) {
            RedisCalls.run(() -> redis.opsForZSet().incrementScore(helpfulKey(author.workspace()), author.user(), 1));
        }
        DailyCounters.increment(redis, author.workspace(), clock.instant(), "answers.helpful");
    }
}

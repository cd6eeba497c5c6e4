package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.qa.Answer;
import io.tandem.qa.Question;
import io.tandem.sessions.Session;
import io.tandem.tips.Tip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data written before records had owners ({@link Ownership}): once per Redis, at start-up, every stored record is
 * listed under the members it holds, so that export and forget-me find it; tips kept as JSON inside their skill's
 * sorted set move to their own key. Claims are set additions, so two instances starting together, or a run cut off
 * and started again, do no harm; a marker key says it is done. Messages on their way (delivery queue, nudges) and
 * short-lived downloads are not listed: they were sent or expired long before anyone could ask.
 */
@Component
@Order(0)
class OwnershipBackfill implements ApplicationRunner {

    static final String DONE = "tandem:migrations:ownership-v1";
    private static final Logger log = LoggerFactory.getLogger(OwnershipBackfill.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    OwnershipBackfill(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(RedisCalls.call(() -> redis.hasKey(DONE)))) {
            return;
        }
        int records = 0;
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(
                ScanOptions.scanOptions().match("tandem:{*}:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        for (String key : keys) {
            try {
                records += claim(key);
            } catch (RuntimeException e) {
                log.warn("Ownership backfill: skipped {} ({})", key, e.getMessage());
            }
        }
        String listed = String.valueOf(records);
        RedisCalls.run(() -> redis.opsForValue().set(DONE, listed));
        if (records > 0) {
            log.info("Ownership backfill: {} records listed under their members", listed);
        }
    }

    /** Lists the record at {@code key} under its owners; returns how many records it listed. */
    private int claim(String key) {
        int close = key.indexOf("}:");
        if (close < 0 || !key.startsWith("tandem:{")) {
            return 0;
        }
        String ws = key.substring("tandem:{".length(), close);
        String rest = key.substring(close + 2);
        if (rest.startsWith("request:")) {
            return record(key, MentoringRequest.class, Ownership.REQUEST + id(rest), r -> r.people());
        } else if (rest.startsWith("pair:")) {
            return record(key, Pair.class, Ownership.PAIR + id(rest), p -> p.people());
        } else if (rest.startsWith("session:")) {
            return record(key, Session.class, Ownership.SESSION + id(rest), s -> s.people());
        } else if (rest.startsWith("question:")) {
            return record(key, Question.class, Ownership.QUESTION + id(rest), q -> q.people());
        } else if (rest.startsWith("answer:")) {
            return record(key, Answer.class, Ownership.ANSWER + id(rest), a -> Set.of(a.author()));
        } else if (rest.startsWith("tip:")) {
            return record(
                    key, Tip.class, Ownership.TIP + id(rest), t -> t.author() == null ? Set.of() : Set.of(t.author()));
        } else if (rest.startsWith("tips:")) {
            return relocateTips(ws, key);
        } else if (rest.startsWith("checkin:")) {
            String[] parts = rest.substring("checkin:".length()).split(":", 2);
            if (parts.length == 2) {
                Ownership.claim(redis, Ownership.CHECKIN + parts[0], List.of(new MemberId(ws, parts[1])));
                return 1;
            }
        } else if (rest.startsWith("tips-voters:")) {
            String tipId = id(rest);
            Set<String> voters = RedisCalls.call(() -> redis.opsForSet().members(key));
            for (String voter : voters == null ? Set.<String>of() : voters) {
                Ownership.claim(redis, Ownership.VOTE + tipId, List.of(new MemberId(ws, voter)));
            }
            return 1;
        } else if (rest.startsWith("pair-feedback:")) {
            String pairId = id(rest);
            Map<Object, Object> feedback =
                    RedisCalls.call(() -> redis.opsForHash().entries(key));
            for (Object author : feedback == null ? Set.of() : feedback.keySet()) {
                Ownership.claim(redis, Ownership.FEEDBACK + pairId, List.of(new MemberId(ws, String.valueOf(author))));
            }
            return 1;
        } else if (rest.startsWith("m:")) {
            Object manager = RedisCalls.call(() -> redis.opsForHash().get(key, ProfileHash.MANAGER));
            MemberId.parse(manager == null ? null : String.valueOf(manager))
                    .ifPresent(m -> Ownership.claim(redis, Ownership.MANAGES + rest.substring(2), List.of(m)));
            return manager == null ? 0 : 1;
        }
        return 0;
    }

    private static String id(String rest) {
        return rest.substring(rest.indexOf(':') + 1);
    }

    private <T> int record(String key, Class<T> type, String entry, Function<T, Set<MemberId>> owners) {
        if (RedisCalls.call(() -> redis.type(key)) != DataType.STRING) {
            return 0;
        }
        String value = RedisCalls.call(() -> redis.opsForValue().get(key));
        if (value == null) {
            return 0;
        }
        Ownership.claim(redis, entry, owners.apply(json.readValue(value, type)));
        return 1;
    }

    /**
     * Older tips kept their JSON in the skill's sorted set: each moves to {@code tip:<id>}, listed under its author.
     */
    private int relocateTips(String ws, String key) {
        if (RedisCalls.call(() -> redis.type(key)) != DataType.ZSET) {
            return 0;
        }
        Set<ZSetOperations.TypedTuple<String>> members =
                RedisCalls.call(() -> redis.opsForZSet().rangeWithScores(key, 0, -1));
        int moved = 0;
        for (var member : members == null ? Set.<ZSetOperations.TypedTuple<String>>of() : members) {
            String value = member.getValue();
            if (value == null || !value.startsWith("{")) {
                continue;
            }
            Tip tip = json.readValue(value, Tip.class);
            double score = member.getScore() == null ? tip.createdAt().toEpochMilli() : member.getScore();
            RedisCalls.pipelined(redis, o -> {
                if (tip.author() != null) {
                    Ownership.claim(o, Ownership.TIP + tip.id(), List.of(tip.author()));
                }
                o.opsForValue().set(RedisTipStore.tipKey(ws, tip.id()), value);
                o.opsForZSet().add(key, tip.id(), score);
                o.opsForZSet().remove(key, value);
            });
            moved++;
        }
        return moved;
    }
}

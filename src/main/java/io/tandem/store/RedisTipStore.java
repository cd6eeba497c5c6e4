package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.tips.Tip;
import io.tandem.tips.TipStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tips as JSON strings ({@code tip:<id>}) listed in a per-skill sorted set of ids (newest last), a used set per
 * skill, useful counts per tip. Each tip is listed under its author ({@link Ownership}). Older data kept the JSON in
 * the sorted set itself: such members are still read.
 */
@Repository
public class RedisTipStore implements TipStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    private final Clock clock;

    public RedisTipStore(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    static String tipKey(String ws, String id) {
        return RedisKeys.prefix(ws) + "tip:" + id;
    }

    static String votersKey(String ws, String tipId) {
        return RedisKeys.prefix(ws) + "tips-voters:" + tipId;
    }

    static String usefulAuthorsKey(String ws) {
        return RedisKeys.prefix(ws) + "tips-useful-authors";
    }

    private static String tipsKey(String ws, String skill) {
        return RedisKeys.prefix(ws) + "tips:" + skill;
    }

    private static String usedKey(String ws, String skill) {
        return RedisKeys.prefix(ws) + "tips-used:" + skill;
    }

    private static String useful(String ws) {
        return RedisKeys.prefix(ws) + "tips-useful";
    }

    @Override
    public void save(String workspace, Tip tip) {
        String value = json.writeValueAsString(tip);
        RedisCalls.pipelined(redis, o -> {
            if (tip.author() != null) {
                Ownership.claim(o, Ownership.TIP + tip.id(), List.of(tip.author()));
            }
            o.opsForValue().set(tipKey(workspace, tip.id()), value);
            o.opsForZSet()
                    .add(
                            tipsKey(workspace, tip.skill()),
                            tip.id(),
                            tip.createdAt().toEpochMilli());
        });
    }

    @Override
    public List<Tip> tips(String workspace, String skill) {
        return tips(workspace, List.of(skill)).get(skill);
    }

    /** Every skill's tips in two round trips: the ids of all skills in one pipeline, then all the tips at once. */
    @Override
    public Map<String, List<Tip>> tips(String workspace, Collection<String> skills) {
        List<String> all = List.copyOf(skills);
        List<Object> listed = RedisCalls.pipelined(
                redis, o -> all.forEach(s -> o.opsForZSet().reverseRange(tipsKey(workspace, s), 0, 199)));
        List<String> ids = new ArrayList<>();
        for (Object members : listed) {
            if (members instanceof Collection<?> c) {
                c.forEach(m -> {
                    if (!String.valueOf(m).startsWith("{")) {
                        ids.add(String.valueOf(m));
                    }
                });
            }
        }
        List<String> values = ids.isEmpty()
                ? List.of()
                : RedisCalls.call(() -> redis.opsForValue()
                        .multiGet(ids.stream().map(id -> tipKey(workspace, id)).toList()));
        Map<String, String> byId = new LinkedHashMap<>();
        for (int i = 0; values != null && i < ids.size(); i++) {
            byId.put(ids.get(i), values.get(i));
        }
        Map<String, List<Tip>> out = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            List<Tip> tips = new ArrayList<>();
            if (listed.get(i) instanceof Collection<?> c) {
                for (Object m : c) {
                    String member = String.valueOf(m);
                    String v = member.startsWith("{") ? member : byId.get(member);
                    if (v != null) {
                        tips.add(json.readValue(v, Tip.class));
                    }
                }
            }
            out.put(all.get(i), tips);
        }
        return out;
    }

    @Override
    public Set<String> used(String workspace, String skill) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(usedKey(workspace, skill)));
        return ids == null ? Set.of() : ids;
    }

    @Override
    public void markUsed(String workspace, String skill, String tipId) {
        RedisCalls.run(() -> redis.opsForSet().add(usedKey(workspace, skill), tipId));
    }

    @Override
    public void resetUsed(String workspace, String skill) {
        RedisCalls.run(() -> redis.delete(usedKey(workspace, skill)));
    }

    @Override
    public boolean markUseful(String workspace, Tip tip, String member) {
        String voters = votersKey(workspace, tip.id());
        Ownership.claim(redis, Ownership.VOTE + tip.id(), List.of(new MemberId(workspace, member)));
        return RedisCalls.call(() -> {
            Long added = redis.opsForSet().add(voters, member);
            if (added == null || added == 0) {
                return false;
            }
            redis.opsForZSet().incrementScore(useful(workspace), tip.id(), 1);
            DailyCounters.increment(redis, workspace, clock.instant(), "tips.useful");
            if (Ownership.person(tip.author())) {
                redis.opsForZSet()
                        .incrementScore(
                                usefulAuthorsKey(workspace), tip.author().user(), 1);
            }
            return true;
        });
    }

    @Override
    public Map<String, Long> usefulness(String workspace, List<String> tipIds) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (tipIds.isEmpty()) {
            return out;
        }
        List<Double> scores =
                RedisCalls.call(() -> redis.opsForZSet().score(useful(workspace), tipIds.toArray(Object[]::new)));
        for (int i = 0; i < tipIds.size() && scores != null; i++) {
            if (Objects.nonNull(scores.get(i))) {
                out.put(tipIds.get(i), scores.get(i).longValue());
            }
        }
        return out;
    }

    @Override
    public void hide(String workspace, String tipId) {
        RedisCalls.run(() -> redis.opsForSet().add(RedisKeys.prefix(workspace) + "tips-hidden", tipId));
    }

    @Override
    public Set<String> hidden(String workspace) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(RedisKeys.prefix(workspace) + "tips-hidden"));
        return ids == null ? Set.of() : ids;
    }
}

package io.tandem.store;

import io.tandem.modules.Module;
import io.tandem.modules.ModuleStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace's own modules as JSON in one hash ({@code modules}, field {@code <skill>:<language>}); each pair's
 * progress in a hash of its own ({@code module-progress:<pair id>}, field skill → steps done), the pairs with
 * progress listed in a set. Every key carries the workspace's hash tag, so the script touches one slot.
 */
@Repository
public class RedisModuleStore implements ModuleStore {

    /** Sets the steps done to {@code ARGV[2]} if {@code ARGV[2] - 1} were done; 1 done, 0 not the next step. */
    private static final RedisScript<Long> MARK_DONE = new DefaultRedisScript<>("""
            local done = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
            if done + 1 ~= tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisModuleStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    private static String modules(String ws) {
        return RedisKeys.prefix(ws) + "modules";
    }

    private static String progressKey(String ws, String pairId) {
        return RedisKeys.prefix(ws) + "module-progress:" + pairId;
    }

    private static String withProgress(String ws) {
        return RedisKeys.prefix(ws) + "module-progress-pairs";
    }

    @Override
    public List<Module> own(String workspace) {
        Map<Object, Object> all = RedisCalls.call(() -> redis.opsForHash().entries(modules(workspace)));
        List<Module> out = new ArrayList<>();
        if (all != null) {
            all.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey((a, b) -> String.valueOf(a).compareTo(String.valueOf(b))))
                    .forEach(e -> out.add(json.readValue(String.valueOf(e.getValue()), Module.class)));
        }
        return out;
    }

    @Override
    public void save(String workspace, List<Module> modules) {
        Map<String, String> fields = new LinkedHashMap<>();
        modules.forEach(m -> fields.put(m.skill() + ":" + m.language().code(), json.writeValueAsString(m)));
        if (!fields.isEmpty()) {
            RedisCalls.run(() -> redis.opsForHash().putAll(modules(workspace), fields));
        }
    }

    @Override
    public boolean remove(String workspace, String skill) {
        Set<Object> fields = RedisCalls.call(() -> redis.opsForHash().keys(modules(workspace)));
        Object[] mine = fields == null
                ? new Object[0]
                : fields.stream()
                        .filter(f -> String.valueOf(f).startsWith(skill + ":"))
                        .toArray();
        if (mine.length == 0) {
            return false;
        }
        Long removed = RedisCalls.call(() -> redis.opsForHash().delete(modules(workspace), mine));
        return removed != null && removed > 0;
    }

    @Override
    public Map<String, Integer> progress(String workspace, String pairId) {
        Map<Object, Object> raw = RedisCalls.call(() -> redis.opsForHash().entries(progressKey(workspace, pairId)));
        Map<String, Integer> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> out.put(String.valueOf(k), Integer.parseInt(String.valueOf(v))));
        }
        return out;
    }

    @Override
    public Map<String, Map<String, Integer>> progress(String workspace) {
        Set<String> pairs = RedisCalls.call(() -> redis.opsForSet().members(withProgress(workspace)));
        if (pairs == null || pairs.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(pairs);
        List<Object> all = RedisCalls.pipelined(
                redis, o -> ids.forEach(id -> o.opsForHash().entries(progressKey(workspace, id))));
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (all.get(i) instanceof Map<?, ?> raw && !raw.isEmpty()) {
                Map<String, Integer> done = new LinkedHashMap<>();
                raw.forEach((k, v) -> done.put(String.valueOf(k), Integer.parseInt(String.valueOf(v))));
                out.put(ids.get(i), done);
            }
        }
        return out;
    }

    @Override
    public boolean markDone(String workspace, String pairId, String skill, int step) {
        Long done = RedisCalls.call(() -> redis.execute(
                MARK_DONE,
                List.of(progressKey(workspace, pairId), withProgress(workspace)),
                skill,
                String.valueOf(step),
                pairId));
        return done != null && done == 1;
    }
}

package io.tandem.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.RedisOperations;

/**
 * The writes of one change, said once and applied two ways: queued on a pipeline ({@link #on}), or recorded
 * ({@link Recorded}) and applied all together by a Lua script only if a record is still the version it was read at.
 * The script is the cluster's stand-in for WATCH/MULTI, which Redis Cluster clients do not offer: every key of the
 * recorded writes must be in one hash slot (one workspace's), which the script's keys make Redis check.
 */
interface Writes {

    void hset(String key, Map<String, String> fields);

    void hset(String key, String field, String value);

    void hdel(String key, String field);

    void hincr(String key, String field, long by);

    void sadd(String key, String member);

    void srem(String key, String member);

    void zadd(String key, String member, double score);

    void zrem(String key, String member);

    /** Queues the writes on {@code o} (a pipeline, usually). */
    static Writes on(RedisOperations<String, String> o) {
        return new Writes() {
            @Override
            public void hset(String key, Map<String, String> fields) {
                o.opsForHash().putAll(key, fields);
            }

            @Override
            public void hset(String key, String field, String value) {
                o.opsForHash().put(key, field, value);
            }

            @Override
            public void hdel(String key, String field) {
                o.opsForHash().delete(key, field);
            }

            @Override
            public void hincr(String key, String field, long by) {
                o.opsForHash().increment(key, field, by);
            }

            @Override
            public void sadd(String key, String member) {
                o.opsForSet().add(key, member);
            }

            @Override
            public void srem(String key, String member) {
                o.opsForSet().remove(key, member);
            }

            @Override
            public void zadd(String key, String member, double score) {
                o.opsForZSet().add(key, member, score);
            }

            @Override
            public void zrem(String key, String member) {
                o.opsForZSet().remove(key, member);
            }
        };
    }

    /**
     * Writes recorded as the arguments of a script ({@code APPLY_IF_UNCHANGED} of the profile store): for each,
     * the command, the index of its key among the script's keys, the count of its arguments and the arguments.
     */
    final class Recorded implements Writes {

        private final Map<String, Integer> keys = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();

        /** @param first the script's first key: the record whose version is checked */
        Recorded(String first) {
            keys.put(first, 1);
        }

        private void add(String command, String key, String... values) {
            int index = keys.computeIfAbsent(key, k -> keys.size() + 1);
            args.add(command);
            args.add(String.valueOf(index));
            args.add(String.valueOf(values.length));
            args.addAll(List.of(values));
        }

        @Override
        public void hset(String key, Map<String, String> fields) {
            List<String> values = new ArrayList<>();
            fields.forEach((f, v) -> {
                values.add(f);
                values.add(v);
            });
            if (!values.isEmpty()) {
                add("HSET", key, values.toArray(String[]::new));
            }
        }

        @Override
        public void hset(String key, String field, String value) {
            add("HSET", key, field, value);
        }

        @Override
        public void hdel(String key, String field) {
            add("HDEL", key, field);
        }

        @Override
        public void hincr(String key, String field, long by) {
            add("HINCRBY", key, field, String.valueOf(by));
        }

        @Override
        public void sadd(String key, String member) {
            add("SADD", key, member);
        }

        @Override
        public void srem(String key, String member) {
            add("SREM", key, member);
        }

        @Override
        public void zadd(String key, String member, double score) {
            add("ZADD", key, String.valueOf(score), member);
        }

        @Override
        public void zrem(String key, String member) {
            add("ZREM", key, member);
        }

        List<String> keys() {
            return List.copyOf(keys.keySet());
        }

        List<String> args() {
            return args;
        }
    }
}

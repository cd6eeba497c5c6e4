package io.tandem.store;

import java.util.List;

import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The claim both Redis queues use (deliveries, due nudges): the items of a sorted set due by {@code ARGV[1]} get
 * their score moved to the end of the lease ({@code ARGV[2]}) in the same script, so two instances never claim the
 * same item, and one whose claimer died becomes due again when the lease ends. Returns id, record, id, record…;
 * an id whose record is gone ({@code ARGV[4]} + id) is dropped from the set.
 */
final class LeasedClaims {

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> CLAIM = new DefaultRedisScript<>("""
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            local out = {}
            for _, id in ipairs(ids) do
              local item = redis.call('GET', ARGV[4] .. id)
              if item then
                redis.call('ZADD', KEYS[1], ARGV[2], id)
                out[#out + 1] = id
                out[#out + 1] = item
              else
                redis.call('ZREM', KEYS[1], id)
              end
            end
            return out
            """, List.class);

    /**
     * Puts an item in (or back into) a queue in one step: its record ({@code KEYS[2]} = {@code ARGV[1]}) and its
     * place in the sorted set ({@code KEYS[1]}, member {@code ARGV[3]}, score {@code ARGV[2]}). One round trip, on
     * the shared connection (a MULTI needs a connection of its own).
     */
    static final RedisScript<Long> PUT = new DefaultRedisScript<>("""
            redis.call('SET', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
            return 1
            """, Long.class);

    /** Takes an item out of a queue in one step: member {@code ARGV[1]} of {@code KEYS[1]}, record {@code KEYS[2]}. */
    static final RedisScript<Long> REMOVE = new DefaultRedisScript<>("""
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('DEL', KEYS[2])
            return 1
            """, Long.class);

    private LeasedClaims() {
    }
}

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

    private LeasedClaims() {
    }
}

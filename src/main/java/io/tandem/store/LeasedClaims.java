package io.tandem.store;

import java.util.List;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The claim both Redis queues use (deliveries, due nudges): the items of a sorted set due by {@code ARGV[1]} get
 * their score moved to the end of the lease ({@code ARGV[2]}) in the same script, so two instances never claim the
 * same item, and one whose claimer died becomes due again when the lease ends. Returns id, record, in doubt, id,
 * record, in doubt…; an id whose record is gone ({@code ARGV[4]} + id) is dropped from the set. With a hash of
 * claims ({@code KEYS[2]}), "in doubt" is 1 for an item claimed before whose claimer never said how it went (it
 * died, perhaps in the middle of sending it); {@link #PUT} clears the claim.
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
                local doubt = 0
                if KEYS[2] then
                  doubt = redis.call('HSETNX', KEYS[2], id, '1') == 0 and 1 or 0
                end
                out[#out + 1] = id
                out[#out + 1] = item
                out[#out + 1] = doubt
              else
                redis.call('ZREM', KEYS[1], id)
                if KEYS[2] then
                  redis.call('HDEL', KEYS[2], id)
                end
              end
            end
            return out
            """, List.class);

    /**
     * Puts an item in (or back into) a queue in one step: its record ({@code KEYS[2]} = {@code ARGV[1]}) and its
     * place in the sorted set ({@code KEYS[1]}, member {@code ARGV[3]}, score {@code ARGV[2]}); its claim, if any, is
     * over ({@code KEYS[3]}). One round trip, on the shared connection (a MULTI needs a connection of its own).
     */
    static final RedisScript<Long> PUT = new DefaultRedisScript<>("""
            redis.call('SET', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
            if KEYS[3] then
              redis.call('HDEL', KEYS[3], ARGV[3])
            end
            return 1
            """, Long.class);

    private LeasedClaims() {}
}

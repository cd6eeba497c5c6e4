package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.programme.LeadStore;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Leads named from chat: one set of user ids per workspace. */
@Repository
public class RedisLeadStore implements LeadStore {

    private final StringRedisTemplate redis;

    public RedisLeadStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(String workspace) {
        return RedisKeys.leads(workspace);
    }

    @Override
    public Set<MemberId> leads(String workspace) {
        Set<String> users = RedisCalls.call(() -> redis.opsForSet().members(key(workspace)));
        return users == null
                ? Set.of()
                : users.stream().map(u -> new MemberId(workspace, u)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean add(MemberId lead) {
        Long added = RedisCalls.call(() -> redis.opsForSet().add(key(lead.workspace()), lead.user()));
        return added != null && added > 0;
    }

    @Override
    public boolean remove(MemberId lead) {
        Long removed = RedisCalls.call(() -> redis.opsForSet().remove(key(lead.workspace()), lead.user()));
        return removed != null && removed > 0;
    }
}

package io.tandem.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tandem.engine.MemberId;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.engine.Text;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.Seniority;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Profiles in Redis: one hash per member, a set of members and a hash of handles per workspace, and per skill a
 * sorted set of active teachers for each seniority band (scored by spare capacity) plus a set of learners.
 * Index updates are written in the same MULTI/EXEC as the profile, so they never drift apart. Each write bumps the
 * profile's version, so searches keep the profiles they read and fetch again only those that changed.
 */
@Repository
public class RedisProfileStore implements ProfileStore {

    private static final List<String> BANDS;

    static {
        List<String> bands = new ArrayList<>();
        for (Seniority s : Seniority.values()) {
            bands.add(s.id());
        }
        bands.add(RedisKeys.NO_BAND);
        BANDS = List.copyOf(bands);
    }

    private static final int SAVE_ALL_BATCH = 500;
    private static final int MAX_SAVE_ATTEMPTS = 12;

    /** How many profiles an instance keeps for searches (about a kilobyte each). */
    private static final int KNOWN_PROFILES = 20_000;

    /**
     * For each key: 1 if its generation and version ({@code g:v}) are the ones given, 0 if the hash is gone, else the
     * whole hash. The generation is new each time a profile is created, so a member erased and back again never
     * matches a profile an instance still holds from before, whatever the version counts reached.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CHANGED = new DefaultRedisScript<>("""
            local out = {}
            for i, key in ipairs(KEYS) do
                local held = redis.call('HMGET', key, 'v', 'g')
                if held[1] and ((held[2] or '') .. ':' .. held[1]) == ARGV[i] then
                    out[i] = 1
                else
                    local hash = redis.call('HGETALL', key)
                    if #hash == 0 then
                        out[i] = 0
                    else
                        out[i] = hash
                    end
                end
            end
            return out
            """, List.class);

    /**
     * Applies the writes recorded by {@link Writes.Recorded} if the profile ({@code KEYS[1]}) is still at version
     * {@code ARGV[1]} ({@code <generation>:<version>}, empty for no profile): 1 if it did, 0 if it changed.
     */
    private static final RedisScript<Long> APPLY_IF_UNCHANGED = new DefaultRedisScript<>("""
            local held = redis.call('HMGET', KEYS[1], 'v', 'g')
            local now = held[1] and ((held[2] or '') .. ':' .. held[1]) or ''
            if now ~= ARGV[1] then return 0 end
            local i = 2
            while i <= #ARGV do
              local n = tonumber(ARGV[i + 2])
              redis.call(ARGV[i], KEYS[tonumber(ARGV[i + 1])], unpack(ARGV, i + 3, i + 2 + n))
              i = i + 3 + n
            end
            return 1
            """, Long.class);

    private record Known(Profile profile, String version) {}

    /** {@code <generation>:<version>}, as the script compares them; null for a hash with no version. */
    private static String version(Map<Object, Object> hash) {
        Object v = hash.get(ProfileHash.VERSION);
        Object g = hash.get(ProfileHash.GENERATION);
        return v == null ? null : (g == null ? "" : g) + ":" + v;
    }

    private final StringRedisTemplate redis;
    /** Profiles this instance read, with their versions: a search reads again only those that changed since. */
    private final Cache<MemberId, Known> known =
            Caffeine.newBuilder().maximumSize(KNOWN_PROFILES).build();

    public RedisProfileStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Profile> find(MemberId id) {
        return RedisCalls.call(() ->
                Optional.ofNullable(ProfileHash.read(id, redis.opsForHash().entries(RedisKeys.member(id)))));
    }

    @Override
    public Map<MemberId, Profile> findAll(Collection<MemberId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<MemberId>> byWorkspace = new LinkedHashMap<>();
        for (MemberId id : new LinkedHashSet<>(ids)) {
            byWorkspace.computeIfAbsent(id.workspace(), w -> new ArrayList<>()).add(id);
        }
        Map<MemberId, Profile> profiles = new LinkedHashMap<>();
        byWorkspace.values().forEach(members -> readChanged(members, profiles));
        return profiles;
    }

    /**
     * Reads the profiles of one workspace's members in one script: those this instance holds at their current
     * version come back as 1 (taken from {@link #known}), changed ones in full, missing ones as 0.
     */
    private void readChanged(List<MemberId> members, Map<MemberId, Profile> into) {
        List<String> keys = new ArrayList<>(members.size());
        Object[] versions = new Object[members.size()];
        for (int i = 0; i < members.size(); i++) {
            keys.add(RedisKeys.member(members.get(i)));
            Known held = known.getIfPresent(members.get(i));
            versions[i] = held == null || held.version() == null ? "" : held.version();
        }
        List<?> answers = RedisCalls.call(() -> redis.execute(CHANGED, keys, versions));
        for (int i = 0; answers != null && i < answers.size() && i < members.size(); i++) {
            MemberId id = members.get(i);
            Object answer = answers.get(i);
            if (answer instanceof List<?> fields) {
                Map<Object, Object> hash = new LinkedHashMap<>();
                for (int f = 0; f + 1 < fields.size(); f += 2) {
                    hash.put(String.valueOf(fields.get(f)), String.valueOf(fields.get(f + 1)));
                }
                Profile profile = ProfileHash.read(id, hash);
                if (profile != null) {
                    known.put(id, new Known(profile, version(hash)));
                    into.put(id, profile);
                }
            } else if (answer instanceof Number n && n.longValue() == 1L) {
                Known held = known.getIfPresent(id);
                if (held != null) {
                    into.put(id, held.profile());
                } else {
                    // evicted meanwhile: read it the usual way
                    find(id).ifPresent(p -> into.put(id, p));
                }
            } else {
                known.invalidate(id);
            }
        }
    }

    @Override
    public void save(Profile profile) {
        saveWatched(profile.id(), before -> profile);
    }

    @Override
    public void save(Profile readBefore, Profile after) {
        if (!readBefore.id().equals(after.id())) {
            throw new IllegalArgumentException("one member's profile at a time");
        }
        Map<String, String> changed = new LinkedHashMap<>(ProfileHash.write(after));
        ProfileHash.write(readBefore).forEach((field, value) -> {
            if (value.equals(changed.get(field))) {
                changed.remove(field);
            }
        });
        changed.remove(ProfileHash.MENTEES);
        if (changed.isEmpty()) {
            return;
        }
        saveWatched(after.id(), current -> {
            if (current == null) {
                return null; // forgotten meanwhile: not brought back by a late edit
            }
            Map<Object, Object> merged = new LinkedHashMap<>(ProfileHash.write(current));
            merged.putAll(changed);
            return ProfileHash.read(current.id(), merged);
        });
    }

    /**
     * Writes {@code change(current)} only if the profile is still the version it was read at (one Lua script, so
     * the indexes are moved from what the profile really is; on a Redis Cluster as on one server, since every key
     * it writes is the workspace's); if another writer changed it in between, reads it again and retries. A change
     * that returns null writes nothing.
     */
    private void saveWatched(MemberId id, UnaryOperator<Profile> change) {
        String key = RedisKeys.member(id);
        for (int attempt = 1; ; attempt++) {
            Map<Object, Object> hash =
                    RedisCalls.call(() -> redis.<Object, Object>opsForHash().entries(key));
            Profile before = ProfileHash.read(id, hash);
            Profile after = change.apply(before);
            if (after == null) {
                return;
            }
            if (before == null) {
                RedisCalls.call(() -> redis.opsForSet().add(RedisKeys.WORKSPACES, id.workspace()));
            }
            Writes.Recorded writes = new Writes.Recorded(key);
            write(writes, before, after);
            String expected = before == null ? "" : Objects.requireNonNullElse(version(hash), "");
            List<String> args = new ArrayList<>();
            args.add(expected);
            args.addAll(writes.args());
            Long applied = RedisCalls.call(
                    () -> redis.execute(APPLY_IF_UNCHANGED, writes.keys(), args.toArray(Object[]::new)));
            // 0: another writer changed the profile since it was read, so the indexes would be moved from a stale
            // "before": compute them again.
            if (applied != null && applied == 1) {
                return;
            }
            if (attempt == MAX_SAVE_ATTEMPTS) {
                throw new StoreUnavailableException("profile " + id + " kept changing during save", null);
            }
            backOff(attempt);
        }
    }

    /** Writers of one profile that keep colliding (a burst of first messages) take turns: a short random pause. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while saving a profile", e);
        }
    }

    @Override
    public void saveAll(Collection<Profile> profiles) {
        List<Profile> all = List.copyOf(profiles);
        for (int from = 0; from < all.size(); from += SAVE_ALL_BATCH) {
            List<Profile> batch = all.subList(from, Math.min(all.size(), from + SAVE_ALL_BATCH));
            pipelined(o -> batch.forEach(p -> {
                o.opsForSet().add(RedisKeys.WORKSPACES, p.id().workspace());
                write(Writes.on(o), null, p);
            }));
        }
    }

    /**
     * Queues the writes that take a member from {@code before} (null if new) to {@code after}. The count of mentees
     * is written only for a new profile: afterwards it changes only with pairs, in the mentoring store's scripts, so
     * a profile read before a pair was formed never writes back an old count.
     */
    private static void write(Writes o, Profile before, Profile after) {
        MemberId id = after.id();
        String ws = id.workspace();
        String user = id.user();
        Map<String, String> fields = ProfileHash.write(after);
        if (before == null) {
            fields.put(ProfileHash.GENERATION, UUID.randomUUID().toString());
        }
        if (before != null) {
            fields.remove(ProfileHash.MENTEES);
        }
        int spare = Math.max(0, after.capacity() - (before == null ? after.mentees() : before.mentees()));
        MemberId oldManager = before == null ? null : before.manager();
        if (!Objects.equals(oldManager, after.manager())) {
            if (Ownership.person(oldManager)) {
                o.srem(Ownership.key(oldManager), Ownership.MANAGES + user);
            }
            if (Ownership.person(after.manager())) {
                o.sadd(Ownership.key(after.manager()), Ownership.MANAGES + user);
            }
        }
        o.hset(RedisKeys.member(id), fields);
        o.hincr(RedisKeys.member(id), ProfileHash.VERSION, 1);
        o.sadd(RedisKeys.members(ws), user);
        if (after.paused()) {
            o.sadd(RedisKeys.paused(ws), user);
        } else {
            o.srem(RedisKeys.paused(ws), user);
        }
        if (before != null && !Text.fold(before.handle()).equals(Text.fold(after.handle()))) {
            o.hdel(RedisKeys.handles(ws), Text.fold(before.handle()));
        }
        o.hset(RedisKeys.handles(ws), Text.fold(after.handle()), user);

        Set<String> oldTeaching = before == null || before.paused() ? Set.of() : before.teaches();
        Set<String> newTeaching = after.paused() ? Set.of() : after.teaches();
        String oldBand = before == null ? null : band(before);
        String newBand = band(after);
        for (String skill : oldTeaching) {
            if (!newTeaching.contains(skill) || !newBand.equals(oldBand)) {
                o.zrem(RedisKeys.teachers(ws, skill, oldBand), user);
            }
        }
        for (String skill : newTeaching) {
            o.zadd(RedisKeys.teachers(ws, skill, newBand), user, spare);
        }
        Set<String> oldLearning = before == null ? Set.of() : new HashSet<>(before.learns());
        for (String skill : oldLearning) {
            if (!after.learns().contains(skill)) {
                o.srem(RedisKeys.learners(ws, skill), user);
            }
        }
        for (String skill : after.learns()) {
            if (!oldLearning.contains(skill)) {
                o.sadd(RedisKeys.learners(ws, skill), user);
            }
        }
    }

    private List<Object> pipelined(Consumer<RedisOperations<String, String>> commands) {
        return RedisCalls.pipelined(redis, commands);
    }

    private static String band(Profile p) {
        return p.seniority() == null ? RedisKeys.NO_BAND : p.seniority().id();
    }

    /** Forgets the copy of a profile this instance keeps for searches (the member was erased). */
    void evict(MemberId id) {
        known.invalidate(id);
    }

    @Override
    public Optional<MemberId> findByHandle(String workspace, String handle) {
        return RedisCalls.call(() -> {
            Object user = redis.opsForHash().get(RedisKeys.handles(workspace), Text.fold(handle));
            return Optional.ofNullable(user).map(u -> new MemberId(workspace, u.toString()));
        });
    }

    @Override
    public List<MemberId> teachers(String workspace, String skill, int perBand) {
        List<Object> bands = pipelined(o -> BANDS.forEach(
                band -> o.opsForZSet().reverseRange(RedisKeys.teachers(workspace, skill, band), 0, perBand - 1L)));
        List<MemberId> ids = new ArrayList<>();
        for (Object band : bands) {
            if (band instanceof Collection<?> users) {
                users.forEach(u -> ids.add(new MemberId(workspace, u.toString())));
            }
        }
        return ids;
    }

    @Override
    public Map<String, Long> teacherCounts(String workspace, Collection<String> skills) {
        List<String> order = List.copyOf(new LinkedHashSet<>(skills));
        List<Object> counts = pipelined(o -> order.forEach(
                skill -> BANDS.forEach(band -> o.opsForZSet().zCard(RedisKeys.teachers(workspace, skill, band)))));
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            long total = 0;
            for (int b = 0; b < BANDS.size(); b++) {
                Object c = counts.get(i * BANDS.size() + b);
                total += c instanceof Number n ? n.longValue() : 0;
            }
            if (total > 0) {
                result.put(order.get(i), total);
            }
        }
        return result;
    }

    @Override
    public Set<MemberId> learners(String workspace, String skill) {
        return ids(workspace, RedisCalls.call(() -> redis.opsForSet().members(RedisKeys.learners(workspace, skill))));
    }

    @Override
    public long count(String workspace) {
        return RedisCalls.call(() -> {
            Long n = redis.opsForSet().size(RedisKeys.members(workspace));
            return n == null ? 0 : n;
        });
    }

    @Override
    public Set<MemberId> members(String workspace) {
        return ids(workspace, RedisCalls.call(() -> redis.opsForSet().members(RedisKeys.members(workspace))));
    }

    private static Set<MemberId> ids(String workspace, Set<String> users) {
        Set<MemberId> out = new LinkedHashSet<>();
        (users == null ? Set.<String>of() : users).forEach(u -> out.add(new MemberId(workspace, u)));
        return out;
    }

    @Override
    public Set<String> workspaces() {
        Set<String> all = RedisCalls.call(() -> redis.opsForSet().members(RedisKeys.WORKSPACES));
        return all == null ? Set.of() : all;
    }
}

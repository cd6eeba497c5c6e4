package io.tandem.store;

import io.tandem.campaigns.Campaign;
import io.tandem.campaigns.CampaignRole;
import io.tandem.campaigns.CampaignStore;
import io.tandem.campaigns.CampaignStore.ProposedRound;
import io.tandem.campaigns.CampaignStore.Publication;
import io.tandem.campaigns.CampaignStore.Unmatched;
import io.tandem.engine.MemberId;
import io.tandem.matching.PoolMatching;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Programmes as JSON strings ({@code campaign:<name>}, created with {@code SET NX} so two leads never both create
 * one name), a set of their names per workspace, and a hash of who joined each ({@code campaign-members:<name>}:
 * user → role). Each membership is listed under its member ({@link Ownership}).
 */
@Repository
public class RedisCampaignStore implements CampaignStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisCampaignStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String campaignKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign:" + name;
    }

    static String membersKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-members:" + name;
    }

    static String roundKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-round:" + name;
    }

    static String lastRoundKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-last-round:" + name;
    }

    private static String roundsKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-rounds:" + name;
    }

    private static String publishedKey(String ws, String name, long round) {
        return RedisKeys.prefix(ws) + "campaign-published:" + name + ":" + round;
    }

    static String invitedKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-invited:" + name;
    }

    private static String pairsKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-pairs:" + name;
    }

    static String decisionsKey(String ws, String name) {
        return RedisKeys.prefix(ws) + "campaign-decisions:" + name;
    }

    private static String namesKey(String ws) {
        return RedisKeys.prefix(ws) + "campaigns";
    }

    @Override
    public boolean create(Campaign c) {
        String value = json.writeValueAsString(c);
        Boolean created =
                RedisCalls.call(() -> redis.opsForValue().setIfAbsent(campaignKey(c.workspace(), c.name()), value));
        if (!Boolean.TRUE.equals(created)) {
            return false;
        }
        RedisCalls.run(() -> redis.opsForSet().add(namesKey(c.workspace()), c.name()));
        return true;
    }

    @Override
    public Optional<Campaign> find(String workspace, String name) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(campaignKey(workspace, name)));
        return Optional.ofNullable(value).map(v -> json.readValue(v, Campaign.class));
    }

    @Override
    public boolean close(Campaign closed) {
        Optional<Campaign> now = find(closed.workspace(), closed.name());
        if (now.isEmpty() || now.get().closed() != null) {
            return false;
        }
        String value = json.writeValueAsString(closed);
        return Boolean.TRUE.equals(RedisCalls.call(
                () -> redis.opsForValue().setIfPresent(campaignKey(closed.workspace(), closed.name()), value)));
    }

    @Override
    public List<Campaign> all(String workspace) {
        Set<String> names = RedisCalls.call(() -> redis.opsForSet().members(namesKey(workspace)));
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        List<String> keys =
                names.stream().sorted().map(n -> campaignKey(workspace, n)).toList();
        List<String> values = RedisCalls.call(() -> redis.opsForValue().multiGet(keys));
        return (values == null ? List.<String>of() : values)
                .stream()
                        .filter(Objects::nonNull)
                        .map(v -> json.readValue(v, Campaign.class))
                        .sorted(Comparator.comparing(Campaign::name))
                        .toList();
    }

    @Override
    public void join(String workspace, String name, MemberId member, CampaignRole role) {
        RedisCalls.pipelined(redis, o -> {
            Ownership.claim(o, Ownership.CAMPAIGN + name, List.of(member));
            o.opsForHash().put(membersKey(workspace, name), member.user(), role.name());
            o.delete(roundKey(workspace, name));
        });
    }

    @Override
    public Optional<CampaignRole> role(String workspace, String name, MemberId member) {
        Object role = RedisCalls.call(() -> redis.opsForHash().get(membersKey(workspace, name), member.user()));
        return Optional.ofNullable(role).map(r -> CampaignRole.valueOf(r.toString()));
    }

    @Override
    public boolean leave(String workspace, String name, MemberId member) {
        Long removed = RedisCalls.call(() -> redis.opsForHash().delete(membersKey(workspace, name), member.user()));
        RedisCalls.run(() -> redis.delete(roundKey(workspace, name)));
        forgetDecisions(redis, json, workspace, name, member);
        // the ownership stays: their invitation and the last round proposed may still name them, until erasure
        return removed != null && removed > 0;
    }

    @Override
    public Map<MemberId, CampaignRole> members(String workspace, String name) {
        Map<Object, Object> entries = RedisCalls.call(() -> redis.opsForHash().entries(membersKey(workspace, name)));
        Map<MemberId, CampaignRole> members = new LinkedHashMap<>();
        (entries == null ? Map.<Object, Object>of() : entries)
                .entrySet().stream()
                        .sorted(Comparator.comparing(e -> e.getKey().toString()))
                        .forEach(e -> members.put(
                                new MemberId(workspace, e.getKey().toString()),
                                CampaignRole.valueOf(e.getValue().toString())));
        return members;
    }

    @Override
    public ProposedRound propose(
            String workspace, String name, List<PoolMatching.Candidate> pairs, List<Unmatched> unmatched) {
        Long number = RedisCalls.call(() -> redis.opsForValue().increment(roundsKey(workspace, name)));
        ProposedRound round = new ProposedRound(number == null ? 1 : number, pairs, unmatched);
        String value = json.writeValueAsString(round);
        RedisCalls.pipelined(redis, o -> {
            o.opsForValue().set(roundKey(workspace, name), value);
            o.opsForValue().set(lastRoundKey(workspace, name), value);
        });
        return round;
    }

    @Override
    public Optional<ProposedRound> proposed(String workspace, String name) {
        return round(roundKey(workspace, name));
    }

    @Override
    public Optional<ProposedRound> lastProposed(String workspace, String name) {
        return round(lastRoundKey(workspace, name));
    }

    private Optional<ProposedRound> round(String key) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(key));
        return Optional.ofNullable(value).map(v -> json.readValue(v, ProposedRound.class));
    }

    /**
     * KEYS[1] the round's publication: {@code publishing:<until, epoch ms>} while one runs, {@code done} (or the
     * {@code 1} of earlier versions) once finished. ARGV: now, until (epoch ms).
     */
    private static final RedisScript<String> CLAIM_PUBLICATION = new DefaultRedisScript<>("""
            local v = redis.call('GET', KEYS[1])
            if not v then
              redis.call('SET', KEYS[1], 'publishing:' .. ARGV[2])
              return 'FIRST'
            end
            local running = tonumber(string.match(v, '^publishing:(%d+)$'))
            if not running then
              return 'DONE'
            end
            if running > tonumber(ARGV[1]) then
              return 'UNDER_WAY'
            end
            redis.call('SET', KEYS[1], 'publishing:' .. ARGV[2])
            return 'RESUMED'
            """, String.class);

    @Override
    public Publication claimPublication(String workspace, String name, long round, Instant now, Instant until) {
        String answer = RedisCalls.call(() -> redis.execute(
                CLAIM_PUBLICATION,
                List.of(publishedKey(workspace, name, round)),
                String.valueOf(now.toEpochMilli()),
                String.valueOf(until.toEpochMilli())));
        return Publication.valueOf(answer);
    }

    /** KEYS[1] as above; ARGV[1] the new until. Only a publication still running is extended, never a finished one. */
    private static final RedisScript<Long> EXTEND_PUBLICATION = new DefaultRedisScript<>("""
            local v = redis.call('GET', KEYS[1])
            if v and string.sub(v, 1, 11) == 'publishing:' then
              redis.call('SET', KEYS[1], 'publishing:' .. ARGV[1])
              return 1
            end
            return 0
            """, Long.class);

    @Override
    public void extendPublication(String workspace, String name, long round, Instant until) {
        RedisCalls.run(() -> redis.execute(
                EXTEND_PUBLICATION,
                List.of(publishedKey(workspace, name, round)),
                String.valueOf(until.toEpochMilli())));
    }

    @Override
    public void finishPublication(String workspace, String name, long round) {
        RedisCalls.run(() -> redis.opsForValue().set(publishedKey(workspace, name, round), "done"));
    }

    @Override
    public void decide(String workspace, String name, MemberId learner, MemberId mentor, Decision decision) {
        String field = json.writeValueAsString(List.of(learner.user(), mentor.user()));
        RedisCalls.pipelined(redis, o -> {
            o.opsForHash().put(decisionsKey(workspace, name), field, decision.name());
            o.delete(roundKey(workspace, name));
        });
    }

    @Override
    public Map<List<MemberId>, Decision> decisions(String workspace, String name) {
        Map<Object, Object> entries = RedisCalls.call(() -> redis.opsForHash().entries(decisionsKey(workspace, name)));
        Map<List<MemberId>, Decision> decisions = new LinkedHashMap<>();
        (entries == null ? Map.<Object, Object>of() : entries).forEach((field, value) -> {
            List<String> users = users(json, field);
            decisions.put(
                    List.of(new MemberId(workspace, users.get(0)), new MemberId(workspace, users.get(1))),
                    Decision.valueOf(value.toString()));
        });
        return decisions;
    }

    private static List<String> users(JsonMapper json, Object field) {
        return List.of(json.readValue(field.toString(), String[].class));
    }

    /** Drops every decision that names the member, compared whole (never {@code bob} for {@code bob.smith}). */
    static void forgetDecisions(
            StringRedisTemplate redis, JsonMapper json, String workspace, String name, MemberId member) {
        String key = decisionsKey(workspace, name);
        Set<Object> fields = RedisCalls.call(() -> redis.opsForHash().keys(key));
        for (Object field : fields == null ? Set.<Object>of() : fields) {
            if (users(json, field).contains(member.user())) {
                RedisCalls.run(() -> redis.opsForHash().delete(key, field));
            }
        }
    }

    @Override
    public void addPairs(String workspace, String name, List<String> pairIds) {
        if (!pairIds.isEmpty()) {
            RedisCalls.run(() -> redis.opsForSet().add(pairsKey(workspace, name), pairIds.toArray(String[]::new)));
        }
    }

    @Override
    public List<String> pairs(String workspace, String name) {
        Set<String> ids = RedisCalls.call(() -> redis.opsForSet().members(pairsKey(workspace, name)));
        return ids == null ? List.of() : ids.stream().sorted().toList();
    }

    @Override
    public boolean invite(String workspace, String name, MemberId member) {
        Ownership.claim(redis, Ownership.CAMPAIGN + name, List.of(member));
        Long added = RedisCalls.call(() -> redis.opsForSet().add(invitedKey(workspace, name), member.user()));
        return added != null && added > 0;
    }

    @Override
    public void uninvite(String workspace, String name, MemberId member) {
        RedisCalls.run(() -> redis.opsForSet().remove(invitedKey(workspace, name), member.user()));
    }

    @Override
    public long invited(String workspace, String name) {
        Long n = RedisCalls.call(() -> redis.opsForSet().size(invitedKey(workspace, name)));
        return n == null ? 0 : n;
    }

    /** The programmes the member joined, with how (for their export). */
    static Map<String, String> memberships(StringRedisTemplate redis, MemberId member, List<String> names) {
        Map<String, String> joined = new TreeMap<>();
        for (String name : names) {
            Object role =
                    RedisCalls.call(() -> redis.opsForHash().get(membersKey(member.workspace(), name), member.user()));
            if (role != null) {
                joined.put(name, String.valueOf(role));
            }
        }
        return joined;
    }

    /**
     * Takes the member out of the programmes they joined (their erasure): their membership, the leads' decisions
     * about them, their invitation and the rounds that may name them (the lead matches again).
     */
    static void erase(StringRedisTemplate redis, JsonMapper json, MemberId member, List<String> names) {
        String ws = member.workspace();
        for (String name : names) {
            RedisCalls.run(() -> redis.opsForHash().delete(membersKey(ws, name), member.user()));
            RedisCalls.run(() -> redis.opsForSet().remove(invitedKey(ws, name), member.user()));
            RedisCalls.run(() -> redis.delete(List.of(roundKey(ws, name), lastRoundKey(ws, name))));
            forgetDecisions(redis, json, ws, name, member);
        }
    }
}

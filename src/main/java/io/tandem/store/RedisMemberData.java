package io.tandem.store;

import io.tandem.engine.Downloads;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Text;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.privacy.Holdings;
import io.tandem.privacy.MemberData;
import io.tandem.privacy.MemberExport;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import io.tandem.qa.Answer;
import io.tandem.qa.Question;
import io.tandem.recognition.Thanks;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.tips.Tip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's data, found through the records they own ({@link Ownership}) and the keys named after them
 * ({@link RedisKeys#memberKeys}): export and erasure touch exactly those, in proportion to the member's own data.
 * Nothing here searches anyone's text for a name: a record holds a member where one of its fields is their id.
 */
@Repository
public class RedisMemberData implements MemberData {

    private static final int REPLACE_ATTEMPTS = 5;

    /** Replaces a string if it is still what was read ({@code ARGV[1]}); 1 done, 0 it changed meanwhile. */
    private static final RedisScript<Long> REPLACE_IF_SAME = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
            return 1
            """, Long.class);

    /**
     * In a capped log of JSON entries (the leads' delivery reports), the entries about {@code ARGV[1]} (their
     * {@code to}) now say {@code ARGV[2]}. The logs are bounded (a few thousand entries), so this is too.
     */
    private static final RedisScript<Long> RENAME_IN_LOG = new DefaultRedisScript<>("""
            local entries = redis.call('LRANGE', KEYS[1], 0, -1)
            local changed = 0
            for i, entry in ipairs(entries) do
              local ok, record = pcall(cjson.decode, entry)
              if ok and type(record) == 'table' and record['to'] == ARGV[1] then
                record['to'] = ARGV[2]
                redis.call('LSET', KEYS[1], i - 1, cjson.encode(record))
                changed = changed + 1
              end
            end
            return changed
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final RedisProfileStore profiles;
    private final RedisDeliveryQueue deliveries;
    private final RedisNudgeStore nudges;

    public RedisMemberData(
            StringRedisTemplate redis,
            JsonMapper json,
            RedisProfileStore profiles,
            RedisDeliveryQueue deliveries,
            RedisNudgeStore nudges) {
        this.redis = redis;
        this.json = json;
        this.profiles = profiles;
        this.deliveries = deliveries;
        this.nudges = nudges;
    }

    // ---- what the member holds

    @Override
    public Holdings holdings(MemberId member) {
        String ws = member.workspace();
        Profile profile = profiles.find(member).orElse(null);
        Object email = RedisCalls.call(() -> redis.opsForHash().get(RedisKeys.emailOf(ws), member.user()));
        boolean lead = Boolean.TRUE.equals(
                RedisCalls.call(() -> redis.opsForSet().isMember(RedisKeys.leads(ws), member.user())));
        Set<String> off = members(RedisKeys.prefix(ws) + "nudges-off:" + member.user());
        Map<String, List<String>> owned = owned(member);

        List<MentoringRequest> requests = read(
                member, Ownership.REQUEST, owned, id -> RedisPairingStore.requestKey(ws, id), MentoringRequest.class);
        List<Pair> pairs = read(member, Ownership.PAIR, owned, id -> RedisPairingStore.pairKey(ws, id), Pair.class);
        List<Session> sessions =
                read(member, Ownership.SESSION, owned, id -> RedisSessionStore.sessionKey(ws, id), Session.class);
        List<CheckIn> checkIns = read(
                member, Ownership.CHECKIN, owned, id -> RedisSessionStore.checkInKey(ws, id, member), CheckIn.class);
        List<Question> questions =
                read(member, Ownership.QUESTION, owned, id -> RedisQuestionStore.questionKey(ws, id), Question.class);
        List<Answer> answers =
                read(member, Ownership.ANSWER, owned, id -> RedisQuestionStore.answerKey(ws, id), Answer.class);
        List<Tip> tips = read(member, Ownership.TIP, owned, id -> RedisTipStore.tipKey(ws, id), Tip.class);
        List<Thanks> thanks = read(member, Ownership.THANKS, owned, id -> RedisThanksStore.key(ws, id), Thanks.class);
        boolean named = Boolean.TRUE.equals(
                RedisCalls.call(() -> redis.opsForSet().isMember(RedisThanksStore.namedKey(ws), member.user())));

        Map<String, String> feedback = new LinkedHashMap<>();
        for (String pairId : owned.getOrDefault(Ownership.FEEDBACK, List.of())) {
            Object given = RedisCalls.call(
                    () -> redis.opsForHash().get(RedisPairingStore.feedbackKey(ws, pairId), member.user()));
            if (given != null) {
                feedback.put(pairId, String.valueOf(given));
            }
        }
        Map<String, List<Answer>> answersTo = new LinkedHashMap<>();
        for (Question q : questions) {
            if (q.asker().equals(member)) {
                answersTo.put(q.id(), answersTo(ws, q.id()));
            }
        }
        Set<String> useful = new TreeSet<>();
        for (String tipId : owned.getOrDefault(Ownership.VOTE, List.of())) {
            if (Boolean.TRUE.equals(RedisCalls.call(
                    () -> redis.opsForSet().isMember(RedisTipStore.votersKey(ws, tipId), member.user())))) {
                useful.add(tipId);
            }
        }
        return new Holdings(
                member,
                profile,
                email == null ? null : String.valueOf(email),
                lead,
                off,
                requests,
                pairs,
                feedback,
                sessions,
                checkIns,
                questions,
                answersTo,
                answers,
                tips,
                useful,
                members(RedisReports.key(member)),
                RedisCampaignStore.memberships(redis, member, owned.getOrDefault(Ownership.CAMPAIGN, List.of())),
                thanks,
                named);
    }

    @Override
    public String export(MemberId member) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(MemberExport.document(holdings(member)));
    }

    /** The member's ownership entries by kind (the kind's prefix → ids). */
    private Map<String, List<String>> owned(MemberId member) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String entry : members(Ownership.key(member))) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                byKind.computeIfAbsent(entry.substring(0, colon + 1), k -> new ArrayList<>())
                        .add(entry.substring(colon + 1));
            }
        }
        return byKind;
    }

    /** The owned records of one kind that still exist; entries whose record is gone are dropped from the set. */
    private <T> List<T> read(
            MemberId member, String kind, Map<String, List<String>> owned, UnaryOperator<String> key, Class<T> type) {
        List<String> ids = owned.getOrDefault(kind, List.of());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = RedisCalls.call(
                () -> redis.opsForValue().multiGet(ids.stream().map(key).toList()));
        List<T> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String value = values == null ? null : values.get(i);
            if (value == null) {
                String gone = kind + ids.get(i);
                RedisCalls.run(() -> redis.opsForSet().remove(Ownership.key(member), gone));
            } else {
                out.add(json.readValue(value, type));
            }
        }
        return out;
    }

    private List<Answer> answersTo(String ws, String questionId) {
        Set<String> ids = RedisCalls.call(
                () -> redis.opsForZSet().range(RedisKeys.prefix(ws) + "question-answers:" + questionId, 0, -1));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> values = RedisCalls.call(() -> redis.opsForValue()
                .multiGet(ids.stream()
                        .map(id -> RedisQuestionStore.answerKey(ws, id))
                        .toList()));
        return (values == null ? List.<String>of() : values)
                .stream()
                        .filter(Objects::nonNull)
                        .map(v -> json.readValue(v, Answer.class))
                        .toList();
    }

    private Set<String> members(String key) {
        Set<String> found = RedisCalls.call(() -> redis.opsForSet().members(key));
        return found == null ? Set.of() : found;
    }

    // ---- forgetting

    @Override
    public void erase(MemberId member) {
        String ws = member.workspace();
        MemberId former = MemberId.former(ws);
        Profile profile = profiles.find(member).orElse(null);
        Object email = RedisCalls.call(() -> redis.opsForHash().get(RedisKeys.emailOf(ws), member.user()));
        Map<String, List<String>> owned = owned(member);

        // shared records: the reference to them becomes the tombstone, nothing else changes
        replaceIn(
                owned,
                Ownership.REQUEST,
                id -> RedisPairingStore.requestKey(ws, id),
                MentoringRequest.class,
                r -> r.replacing(member, former));
        replaceIn(
                owned,
                Ownership.PAIR,
                id -> RedisPairingStore.pairKey(ws, id),
                Pair.class,
                p -> p.replacing(member, former));
        replaceIn(
                owned,
                Ownership.SESSION,
                id -> RedisSessionStore.sessionKey(ws, id),
                Session.class,
                s -> s.replacing(member, former));
        replaceIn(
                owned,
                Ownership.QUESTION,
                id -> RedisQuestionStore.questionKey(ws, id),
                Question.class,
                q -> q.replacing(member, former));
        replaceIn(
                owned,
                Ownership.ANSWER,
                id -> RedisQuestionStore.answerKey(ws, id),
                Answer.class,
                a -> a.replacing(member, former));
        replaceIn(
                owned, Ownership.TIP, id -> RedisTipStore.tipKey(ws, id), Tip.class, t -> t.replacing(member, former));
        replaceIn(
                owned,
                Ownership.THANKS,
                id -> RedisThanksStore.key(ws, id),
                Thanks.class,
                t -> t.replacing(member, former));
        for (String colleague : owned.getOrDefault(Ownership.MANAGES, List.of())) {
            forgetAsManager(new MemberId(ws, colleague), member, former);
        }

        // records that are theirs alone
        for (String sessionId : owned.getOrDefault(Ownership.CHECKIN, List.of())) {
            RedisCalls.pipelined(redis, o -> {
                o.delete(RedisSessionStore.checkInKey(ws, sessionId, member));
                o.opsForZSet().remove(RedisKeys.index(ws, "checkins"), sessionId + ":" + member.user());
            });
        }
        for (String pairId : owned.getOrDefault(Ownership.FEEDBACK, List.of())) {
            RedisCalls.run(() -> redis.opsForHash().delete(RedisPairingStore.feedbackKey(ws, pairId), member.user()));
        }
        for (String tipId : owned.getOrDefault(Ownership.VOTE, List.of())) {
            RedisCalls.run(() -> redis.opsForSet().remove(RedisTipStore.votersKey(ws, tipId), member.user()));
        }
        RedisCampaignStore.erase(redis, json, member, owned.getOrDefault(Ownership.CAMPAIGN, List.of()));
        owned.getOrDefault(Ownership.NUDGE, List.of()).forEach(nudges::remove);
        for (String delivery : owned.getOrDefault(Ownership.DELIVERY, List.of())) {
            int colon = delivery.indexOf(':');
            Platform.fromId(colon < 0 ? "" : delivery.substring(0, colon))
                    .ifPresent(platform -> deliveries.remove(platform, delivery.substring(colon + 1)));
        }
        for (String download : owned.getOrDefault(Ownership.DOWNLOAD, List.of())) {
            int colon = download.indexOf(':');
            if (colon > 0) {
                try {
                    Downloads.Kind kind = Downloads.Kind.valueOf(download.substring(0, colon));
                    RedisCalls.run(() -> redis.delete(RedisDownloads.key(kind, download.substring(colon + 1))));
                } catch (IllegalArgumentException e) {
                    // a kind this version does not know: nothing of theirs there
                }
            }
        }

        // their places in the workspace's indexes, then the keys named after them
        unindex(member, profile, email == null ? null : String.valueOf(email));
        for (String log : List.of(NudgeReportLog.key(ws), RedisDeliveryQueue.failures(ws))) {
            RedisCalls.run(() -> redis.execute(RENAME_IN_LOG, List.of(log), member.toString(), former.toString()));
        }
        RedisCalls.run(() -> redis.delete(RedisKeys.memberKeys(member)));
        profiles.evict(member);
    }

    /**
     * Rewrites each owned record of one kind with {@code change}, if it still is what was read (a concurrent write
     * is not undone: the record is read again and changed again).
     */
    private <T> void replaceIn(
            Map<String, List<String>> owned,
            String kind,
            UnaryOperator<String> key,
            Class<T> type,
            UnaryOperator<T> change) {
        for (String id : owned.getOrDefault(kind, List.of())) {
            String k = key.apply(id);
            for (int attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
                String value = RedisCalls.call(() -> redis.opsForValue().get(k));
                if (value == null) {
                    break;
                }
                T before = json.readValue(value, type);
                T after = change.apply(before);
                if (after.equals(before)) {
                    break;
                }
                String written = json.writeValueAsString(after);
                Long done = RedisCalls.call(() -> redis.execute(REPLACE_IF_SAME, List.of(k), value, written));
                if (done != null && done == 1) {
                    break;
                }
            }
        }
    }

    /** A colleague named the member as their manager: the profile now names a former member. */
    private void forgetAsManager(MemberId colleague, MemberId member, MemberId former) {
        String key = RedisKeys.member(colleague);
        Object manager = RedisCalls.call(() -> redis.opsForHash().get(key, ProfileHash.MANAGER));
        if (member.toString().equals(manager)) {
            RedisCalls.pipelined(redis, o -> {
                o.opsForHash().put(key, ProfileHash.MANAGER, former.toString());
                o.opsForHash().increment(key, ProfileHash.VERSION, 1);
            });
            profiles.evict(colleague);
        }
    }

    /** Takes the member out of every workspace index that lists them by id, handle or email. */
    private void unindex(MemberId member, Profile profile, String email) {
        String ws = member.workspace();
        String user = member.user();
        Object handleOwner = profile == null
                ? null
                : RedisCalls.call(() -> redis.opsForHash().get(RedisKeys.handles(ws), Text.fold(profile.handle())));
        Object emailOwner =
                email == null ? null : RedisCalls.call(() -> redis.opsForHash().get(RedisKeys.emails(ws), email));
        RedisCalls.pipelined(redis, o -> {
            if (profile != null && profile.manager() != null && Ownership.person(profile.manager())) {
                o.opsForSet().remove(Ownership.key(profile.manager()), Ownership.MANAGES + user);
            }
            o.opsForSet().remove(RedisKeys.members(ws), user);
            o.opsForSet().remove(RedisKeys.paused(ws), user);
            o.opsForSet().remove(RedisThanksStore.namedKey(ws), user);
            o.opsForSet().remove(RedisThanksStore.askedKey(ws), user);
            o.opsForSet().remove(RedisKeys.leads(ws), user);
            if (user.equals(handleOwner)) {
                o.opsForHash().delete(RedisKeys.handles(ws), Text.fold(profile.handle()));
            }
            if (profile != null) {
                for (String skill : profile.teaches()) {
                    for (Seniority band : Seniority.values()) {
                        o.opsForZSet().remove(RedisKeys.teachers(ws, skill, band.id()), user);
                    }
                    o.opsForZSet().remove(RedisKeys.teachers(ws, skill, RedisKeys.NO_BAND), user);
                }
                for (String skill : profile.learns()) {
                    o.opsForSet().remove(RedisKeys.learners(ws, skill), user);
                }
            }
            o.opsForZSet().remove(RedisQuestionStore.loadKey(ws), user);
            o.opsForZSet().remove(RedisQuestionStore.helpfulKey(ws), user);
            o.opsForZSet().remove(RedisTipStore.usefulAuthorsKey(ws), user);
            o.opsForHash().delete(RedisKeys.emailOf(ws), user);
            if (user.equals(emailOwner)) {
                o.opsForHash().delete(RedisKeys.emails(ws), email);
            }
        });
    }
}

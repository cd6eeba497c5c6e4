package io.tandem.store;

import io.tandem.engine.MemberId;
import io.tandem.profiles.MemberEmails;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Emails both ways: one hash email → user id and one user id → email, per workspace. */
@Repository
public class RedisMemberEmails implements MemberEmails {

    private final StringRedisTemplate redis;

    public RedisMemberEmails(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String byEmail(String ws) {
        return RedisKeys.emails(ws);
    }

    private static String byMember(String ws) {
        return RedisKeys.emailOf(ws);
    }

    private static String fold(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void set(MemberId member, String email) {
        String e = fold(email);
        RedisCalls.run(() -> {
            Object previous = redis.opsForHash().get(byMember(member.workspace()), member.user());
            if (previous != null && !previous.equals(e)) {
                redis.opsForHash().delete(byEmail(member.workspace()), previous);
            }
            redis.opsForHash().put(byEmail(member.workspace()), e, member.user());
            redis.opsForHash().put(byMember(member.workspace()), member.user(), e);
        });
    }

    @Override
    public Optional<MemberId> find(String workspace, String email) {
        Object user = RedisCalls.call(() -> redis.opsForHash().get(byEmail(workspace), fold(email)));
        return Optional.ofNullable(user).map(u -> new MemberId(workspace, String.valueOf(u)));
    }

    @Override
    public Optional<String> of(MemberId member) {
        Object email = RedisCalls.call(() -> redis.opsForHash().get(byMember(member.workspace()), member.user()));
        return Optional.ofNullable(email).map(String::valueOf);
    }
}

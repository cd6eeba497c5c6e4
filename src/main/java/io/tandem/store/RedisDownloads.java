package io.tandem.store;

import io.tandem.engine.Downloads;
import io.tandem.engine.MemberId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Files as Base64 strings that expire; the token is 32 random bytes, so a link cannot be guessed. */
@Repository
public class RedisDownloads implements Downloads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;

    public RedisDownloads(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String key(Kind kind, String token) {
        return "tandem:download:" + kind.name().toLowerCase(Locale.ROOT) + ":" + token;
    }

    @Override
    public String put(Kind kind, byte[] content, Duration ttl) {
        return put(kind, content, ttl, null);
    }

    @Override
    public String put(Kind kind, byte[] content, Duration ttl, MemberId owner) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        String value = Base64.getEncoder().encodeToString(content);
        if (owner != null) {
            Ownership.claim(redis, entry(kind, token), List.of(owner));
        }
        RedisCalls.run(() -> redis.opsForValue().set(key(kind, token), value, ttl));
        return token;
    }

    static String entry(Kind kind, String token) {
        return Ownership.DOWNLOAD + kind.name() + ":" + token;
    }

    @Override
    public Optional<byte[]> get(Kind kind, String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String value = RedisCalls.call(() -> redis.opsForValue().get(key(kind, token)));
        return Optional.ofNullable(value).map(v -> Base64.getDecoder().decode(v));
    }
}

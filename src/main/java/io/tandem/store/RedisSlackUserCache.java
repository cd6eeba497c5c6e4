package io.tandem.store;

import io.tandem.slack.SlackUser;
import io.tandem.slack.SlackUserCache;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** users.info answers as small hashes that expire on their own. */
@Repository
public class RedisSlackUserCache implements SlackUserCache {

    private final StringRedisTemplate redis;

    public RedisSlackUserCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String key(String workspace, String user) {
        return RedisKeys.prefix(workspace) + "slack-user:" + user;
    }

    @Override
    public Optional<SlackUser> get(String workspace, String user) {
        Map<Object, Object> h = RedisCalls.call(() -> redis.opsForHash().entries(key(workspace, user)));
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SlackUser(
                blank((String) h.get("n")),
                zone((String) h.get("tz")),
                blank((String) h.get("loc")) == null ? null : Locale.forLanguageTag((String) h.get("loc")),
                "1".equals(h.get("adm")),
                blank((String) h.get("em"))));
    }

    @Override
    public void put(String workspace, String user, SlackUser info, Duration ttl) {
        String key = key(workspace, user);
        RedisCalls.run(() -> {
            redis.opsForHash()
                    .putAll(
                            key,
                            Map.of(
                                    "n",
                                    info.name() == null ? "" : info.name(),
                                    "tz",
                                    info.zone() == null ? "" : info.zone().getId(),
                                    "loc",
                                    info.locale() == null ? "" : info.locale().toLanguageTag(),
                                    "adm",
                                    info.admin() ? "1" : "0",
                                    "em",
                                    info.email() == null ? "" : info.email()));
            redis.expire(key, ttl);
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ZoneId zone(String id) {
        try {
            return blank(id) == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}

package io.tandem.store;

import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Slack OAuth installations (one per workspace, multi-workspace mode) in Redis, so that every Tandem instance
 * finds the bot token of every workspace. Created by the Slack adapter when OAuth is configured.
 */
@Repository
public class RedisSlackInstallationService implements InstallationService {

    private static final String PREFIX = "tandem:slack-install:";

    private final StringRedisTemplate redis;
    private final Gson gson = GsonFactory.createSnakeCase();
    private boolean historicalDataEnabled;

    public RedisSlackInstallationService(StringRedisTemplate redis) {
        this.redis = redis;
    }

    private static String id(String enterpriseId, String teamId) {
        return (enterpriseId == null ? "none" : enterpriseId) + "-" + (teamId == null ? "none" : teamId);
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return historicalDataEnabled;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        this.historicalDataEnabled = enabled;
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        String ws = id(installer.getEnterpriseId(), installer.getTeamId());
        RedisCalls.run(() -> {
            redis.opsForValue().set(PREFIX + "installer:" + ws, gson.toJson(installer));
            redis.opsForValue()
                    .set(PREFIX + "installer:" + ws + ":" + installer.getInstallerUserId(), gson.toJson(installer));
            redis.opsForValue().set(PREFIX + "bot:" + ws, gson.toJson(installer.toBot()));
        });
    }

    @Override
    public void deleteBot(Bot bot) {
        RedisCalls.run(() -> redis.delete(PREFIX + "bot:" + id(bot.getEnterpriseId(), bot.getTeamId())));
    }

    @Override
    public void deleteInstaller(Installer installer) {
        String ws = id(installer.getEnterpriseId(), installer.getTeamId());
        RedisCalls.run(() -> redis.delete(List.of(
                PREFIX + "installer:" + ws, PREFIX + "installer:" + ws + ":" + installer.getInstallerUserId())));
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        String json = RedisCalls.call(() -> redis.opsForValue().get(PREFIX + "bot:" + id(enterpriseId, teamId)));
        if (json == null && enterpriseId != null) {
            // an org-wide install answers for every workspace of the enterprise
            json = RedisCalls.call(() -> redis.opsForValue().get(PREFIX + "bot:" + id(enterpriseId, null)));
        }
        return json == null ? null : gson.fromJson(json, DefaultBot.class);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        String key = PREFIX + "installer:" + id(enterpriseId, teamId) + (userId == null ? "" : ":" + userId);
        String json = RedisCalls.call(() -> redis.opsForValue().get(key));
        return json == null ? null : gson.fromJson(json, DefaultInstaller.class);
    }
}

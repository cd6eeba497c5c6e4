package io.tandem.store;

import io.tandem.engine.Notification;
import io.tandem.nudges.Nudge;
import io.tandem.nudges.NudgeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How each nudge ended (delivered, failed, skipped), per workspace, newest first, for programme leads. */
final class NudgeReportLog {

    static final int KEPT = 5000;

    private NudgeReportLog() {}

    static String key(String workspace) {
        return RedisKeys.prefix(workspace) + "nudges:report";
    }

    /** Records an outcome, if the notification came from a nudge. */
    static void record(
            StringRedisTemplate redis, JsonMapper json, Instant at, Notification n, String result, String reason) {
        if (!n.kind().startsWith(Nudge.NOTIFICATION_PREFIX)) {
            return;
        }
        record(
                redis,
                json,
                at,
                n.recipient().workspace(),
                n.kind(),
                n.recipient().toString(),
                result,
                reason);
    }

    static void record(
            StringRedisTemplate redis,
            JsonMapper json,
            Instant at,
            String workspace,
            String kind,
            String recipient,
            String result,
            String reason) {
        ObjectNode entry = json.createObjectNode();
        entry.put("at", at.toEpochMilli());
        entry.put("kind", kind);
        entry.put("to", recipient);
        entry.put("result", result);
        if (reason != null) {
            entry.put("reason", reason);
        }
        String value = json.writeValueAsString(entry);
        RedisCalls.run(() -> {
            redis.opsForList().leftPush(key(workspace), value);
            redis.opsForList().trim(key(workspace), 0, KEPT - 1);
        });
        DailyCounters.increment(redis, workspace, at, kind + ":" + result);
    }

    static List<NudgeStore.Outcome> read(StringRedisTemplate redis, JsonMapper json, String workspace, int max) {
        List<String> raw = RedisCalls.call(() -> redis.opsForList().range(key(workspace), 0, max - 1L));
        List<NudgeStore.Outcome> out = new ArrayList<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            JsonNode n = json.readTree(r);
            out.add(new NudgeStore.Outcome(
                    Instant.ofEpochMilli(n.get("at").asLong()),
                    n.get("kind").asString(),
                    n.get("to").asString(),
                    n.get("result").asString(),
                    n.has("reason") ? n.get("reason").asString() : null));
        }
        return out;
    }
}

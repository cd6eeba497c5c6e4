package io.tandem.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Repository;

import io.tandem.engine.MemberId;
import io.tandem.mentoring.MemberData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A member's data, found by walking every key of their workspace (and the shared delivery and guard keys): a
 * member's traces are wherever their id, handle or name appears, so that is what is looked for, in key names,
 * hash fields, set and list members and inside JSON records. Erasing is rare and may take a while on a large
 * workspace; it never touches another member's data beyond replacing the forgotten member in it.
 */
@Repository
public class RedisMemberData implements MemberData {

    static final String FORMER = "a former member";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Records that are the member's own: erased whole when they appear in them. */
    private static final List<String> OWN = List.of(":request:", ":checkin:");
    /** Lists of messages and logs: an entry about the member is dropped. */
    private static final int SCAN_BATCH = 500;

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisMemberData(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    private List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        RedisCalls.run(() -> {
            try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(SCAN_BATCH).build())) {
                cursor.forEachRemaining(keys::add);
            }
        });
        return keys;
    }

    @Override
    public String export(MemberId member) {
        Traces traces = new Traces(member, null, null, null);
        ObjectNode out = json.createObjectNode();
        out.put("member", member.toString());
        Map<Object, Object> profile = RedisCalls.call(() -> redis.opsForHash().entries(RedisKeys.member(member)));
        ObjectNode p = out.putObject("profile");
        profile.forEach((k, v) -> p.put(String.valueOf(k), String.valueOf(v)));
        ArrayNode records = out.putArray("records");
        for (String key : keys(RedisKeys.prefix(member.workspace()) + "*")) {
            if (key.endsWith(":m:" + member.user())) {
                continue;
            }
            DataType type = RedisCalls.call(() -> redis.type(key));
            if (type == DataType.STRING) {
                String value = RedisCalls.call(() -> redis.opsForValue().get(key));
                if (value != null && traces.idIn(value)) {
                    ObjectNode record = records.addObject();
                    record.put("key", key.substring(RedisKeys.prefix(member.workspace()).length()));
                    record.set("value", parse(value));
                }
            } else if (type == DataType.HASH && key.contains(":pair-feedback:")) {
                Object feedback = RedisCalls.call(() -> redis.opsForHash().get(key, member.user()));
                if (feedback != null) {
                    records.addObject().put("key", "feedback").put("value", String.valueOf(feedback));
                }
            } else if (type == DataType.ZSET && key.contains(":tips:")) {
                Set<String> tips = RedisCalls.call(() -> redis.opsForZSet().range(key, 0, -1));
                for (String tip : tips == null ? Set.<String>of() : tips) {
                    if (traces.idIn(tip)) {
                        records.addObject().put("key", "tip").set("value", parse(tip));
                    }
                }
            }
        }
        Set<String> off = RedisCalls.call(() -> redis.opsForSet().members(
                RedisKeys.prefix(member.workspace()) + "nudges-off:" + member.user()));
        ArrayNode nudges = out.putArray("nudgesOff");
        (off == null ? Set.<String>of() : off).forEach(nudges::add);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    private JsonNode parse(String value) {
        try {
            return json.readTree(value);
        } catch (JacksonException e) {
            return StringNode.valueOf(value);
        }
    }

    @Override
    public void erase(MemberId member, String name, String handle) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        Traces traces = new Traces(member, name, handle, "former-" + HexFormat.of().formatHex(random));
        List<String> keys = new ArrayList<>(keys(RedisKeys.prefix(member.workspace()) + "*"));
        keys.addAll(keys("tandem:{delivery}:*"));
        keys.addAll(keys("tandem:once:*"));
        // files waiting to be downloaded (the member's own export among them)
        for (String key : keys("tandem:download:*")) {
            String value = RedisCalls.call(() -> redis.opsForValue().get(key));
            if (value != null && traces.anyIn(new String(java.util.Base64.getDecoder().decode(value),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                RedisCalls.run(() -> redis.delete(key));
            }
        }
        for (String key : keys) {
            if (traces.inKeyName(key)) {
                RedisCalls.run(() -> redis.delete(key));
                continue;
            }
            DataType type = RedisCalls.call(() -> redis.type(key));
            switch (type == null ? DataType.NONE : type) {
                case STRING -> string(key, traces);
                case HASH -> hash(key, traces);
                case SET -> set(key, traces);
                case ZSET -> zset(key, traces);
                case LIST -> list(key, traces);
                default -> {
                    // nothing kept in other types
                }
            }
        }
    }

    private void string(String key, Traces traces) {
        String value = RedisCalls.call(() -> redis.opsForValue().get(key));
        if (value == null || !traces.anyIn(value)) {
            return;
        }
        boolean own = OWN.stream().anyMatch(key::contains) || key.startsWith("tandem:{delivery}:")
                || key.startsWith("tandem:once:");
        if (own) {
            RedisCalls.run(() -> redis.delete(key));
            return;
        }
        String rewritten = rewrite(value, traces);
        Long ttl = RedisCalls.call(() -> redis.getExpire(key));
        RedisCalls.run(() -> {
            if (ttl != null && ttl > 0) {
                redis.opsForValue().set(key, rewritten, java.time.Duration.ofSeconds(ttl));
            } else {
                redis.opsForValue().set(key, rewritten);
            }
        });
    }

    private void hash(String key, Traces traces) {
        Map<Object, Object> entries = RedisCalls.call(() -> redis.opsForHash().entries(key));
        for (Map.Entry<Object, Object> e : entries.entrySet()) {
            String field = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue());
            if (traces.anyIn(field)) {
                RedisCalls.run(() -> redis.opsForHash().delete(key, field));
            } else if (traces.anyIn(value)) {
                String rewritten = rewrite(value, traces);
                RedisCalls.run(() -> redis.opsForHash().put(key, field, rewritten));
            }
        }
    }

    private void set(String key, Traces traces) {
        Set<String> members = RedisCalls.call(() -> redis.opsForSet().members(key));
        for (String m : members == null ? Set.<String>of() : members) {
            if (traces.anyIn(m)) {
                RedisCalls.run(() -> redis.opsForSet().remove(key, m));
            }
        }
    }

    private void zset(String key, Traces traces) {
        Set<ZSetOperations.TypedTuple<String>> members = RedisCalls.call(() -> redis.opsForZSet().rangeWithScores(key, 0, -1));
        for (ZSetOperations.TypedTuple<String> t : members == null ? Set.<ZSetOperations.TypedTuple<String>>of() : members) {
            String m = t.getValue();
            if (m == null || !traces.anyIn(m)) {
                continue;
            }
            RedisCalls.run(() -> redis.opsForZSet().remove(key, m));
            if (m.startsWith("{") && key.contains(":tips:")) {
                // a tip the member wrote stays, by "a former member"
                String rewritten = rewrite(m, traces);
                double score = t.getScore() == null ? 0 : t.getScore();
                RedisCalls.run(() -> redis.opsForZSet().add(key, rewritten, score));
            }
        }
    }

    private void list(String key, Traces traces) {
        List<String> entries = RedisCalls.call(() -> redis.opsForList().range(key, 0, -1));
        for (String entry : entries == null ? List.<String>of() : new LinkedHashSet<>(entries)) {
            if (traces.anyIn(entry)) {
                RedisCalls.run(() -> redis.opsForList().remove(key, 0, entry));
            }
        }
    }

    /** A JSON record with the member replaced by a tombstone id, their name and handle by "a former member". */
    private String rewrite(String value, Traces traces) {
        try {
            JsonNode tree = json.readTree(value);
            return json.writeValueAsString(walk(tree, traces));
        } catch (JacksonException e) {
            return traces.replace(value);
        }
    }

    private JsonNode walk(JsonNode node, Traces traces) {
        if (node instanceof ObjectNode object) {
            for (String field : new ArrayList<>(object.propertyNames())) {
                object.set(field, walk(object.get(field), traces));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), traces));
            }
            return array;
        }
        if (node.isString()) {
            String text = node.asString();
            return StringNode.valueOf(text.equals(traces.member.user()) ? traces.tombstone : traces.replace(text));
        }
        return node;
    }

    /** What identifies the member, looked for as whole words, whatever the case. */
    private static final class Traces {
        final MemberId member;
        final String tombstone;
        final Pattern id;
        final Pattern any;

        Traces(MemberId member, String name, String handle, String tombstone) {
            this.member = member;
            this.tombstone = tombstone;
            this.id = word(List.of(member.user()));
            List<String> all = new ArrayList<>(List.of(member.user()));
            if (handle != null && !handle.isBlank()) {
                all.add(handle);
            }
            if (name != null && !name.isBlank()) {
                all.add(name);
            }
            this.any = word(all);
        }

        private static Pattern word(List<String> tokens) {
            String alternatives = String.join("|", tokens.stream().distinct()
                    .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList());
            return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])");
        }

        boolean idIn(String text) {
            return id.matcher(text).find();
        }

        boolean anyIn(String text) {
            return any.matcher(text).find();
        }

        boolean inKeyName(String key) {
            for (String segment : key.split(":")) {
                if (segment.equals(member.user())) {
                    return true;
                }
            }
            return false;
        }

        /** Their id, name or handle in a text becomes "a former member". */
        String replace(String text) {
            return any.matcher(text).replaceAll(Matcher.quoteReplacement(FORMER));
        }
    }
}

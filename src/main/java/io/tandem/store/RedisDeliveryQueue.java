package io.tandem.store;

import io.tandem.delivery.Delivery;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.delivery.FailedDelivery;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery queue in Redis, split by workspace into {@link QueuePartitions} (each its own hash tag, so a Redis
 * Cluster spreads them over its shards). In a partition, per platform: a sorted set of delivery ids per workspace
 * scored by when each is due, a sorted set of the workspaces with deliveries ("ready", scored by when the next is
 * due), a sorted set of the claimed ones scored by when their lease ends, a hash of claims and one string per
 * delivery. A delivery's id names its workspace ({@code <workspace>@<uuid>}), hence its partition and keys.
 *
 * <p>Claiming takes one due delivery from each ready workspace in turn (a workspace just served goes behind those
 * still waiting), in one Lua script, so two instances never claim the same one and a workspace with a large backlog
 * never holds back another's messages; the worker claims from the partitions in turn, starting with a different
 * one each time. One whose worker died goes back to its workspace's due set at its original place when its lease
 * ends (before newer work, not behind the backlog), in doubt. Each claim carries a fencing token: a worker renews
 * its lease while it sends, and what it says afterwards (done, retry, failed) counts only if the claim is still its
 * own, so a worker whose lease was lost never completes or re-queues a delivery another instance has taken over.
 * While it waits, a delivery is listed under its recipient and the people it shows ({@link Ownership}), so
 * forgetting one of them withdraws it.
 */
@Repository
public class RedisDeliveryQueue implements DeliveryQueue {

    private static final Logger log = LoggerFactory.getLogger(RedisDeliveryQueue.class);
    private static final int FAILURES_KEPT = 1000;
    /** Notifications queued in one pipeline by {@link #enqueueAll}. */
    private static final int BATCH = 500;

    /** Lowers a workspace's place in the ready set to {@code at} if that is sooner. */
    private static final String READY = """
            local function ready(key, ws, at)
              local s = redis.call('ZSCORE', key, ws)
              if not s or tonumber(at) < tonumber(s) then
                redis.call('ZADD', key, at, ws)
              end
            end
            """;

    /**
     * Claims, in a partition: first, leases that ran out send their deliveries back to their original place; then up
     * to {@code ARGV[3]} due ones, one from each ready workspace in turn ({@code KEYS[1]}), move to the leased set
     * ({@code KEYS[2]}, score {@code ARGV[2]}), each with a claim {@code <original due>:<first claimed>:<fence>} in
     * {@code KEYS[3]} (the original due and first claim are kept when it was claimed before: then it is in doubt).
     * A workspace served goes behind those waiting (its place becomes now, or its next delivery's due time if
     * later). {@code ARGV[4]}: the partition's key prefix; {@code ARGV[5]}: the platform. Returns id, record, in
     * doubt, fence, first claimed, …
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> CLAIM = new DefaultRedisScript<>(READY + """
            local now = tonumber(ARGV[1])
            local max = tonumber(ARGV[3])
            local function due(ws)
              return ARGV[4] .. 'due:' .. ARGV[5] .. ':' .. ws
            end
            for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
              local claim = redis.call('HGET', KEYS[3], id)
              local at = claim and string.match(claim, '^([^:]+):') or now
              local ws = string.match(id, '^(.*)@[^@]*$') or ''
              redis.call('ZREM', KEYS[2], id)
              redis.call('ZADD', due(ws), at, id)
              ready(KEYS[1], ws, at)
            end
            local out = {}
            local taken = 0
            while taken < max do
              local workspaces = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max - taken)
              if #workspaces == 0 then break end
              for _, ws in ipairs(workspaces) do
                local key = due(ws)
                local first = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES', 'LIMIT', 0, 1)
                if #first > 0 then
                  local id = first[1]
                  local item = redis.call('GET', ARGV[4] .. 'item:' .. id)
                  redis.call('ZREM', key, id)
                  if item then
                    local claim = redis.call('HGET', KEYS[3], id)
                    local at, firstClaimed = first[2], ARGV[1]
                    local doubt = 0
                    if claim then
                      doubt = 1
                      local a, f = string.match(claim, '^([^:]+):([^:]+):')
                      at, firstClaimed = a or at, f or ARGV[1]
                    end
                    local fence = redis.call('INCR', KEYS[4])
                    redis.call('HSET', KEYS[3], id, at .. ':' .. firstClaimed .. ':' .. fence)
                    redis.call('ZADD', KEYS[2], ARGV[2], id)
                    taken = taken + 1
                    out[#out + 1] = id
                    out[#out + 1] = item
                    out[#out + 1] = doubt
                    out[#out + 1] = fence
                    out[#out + 1] = firstClaimed
                  else
                    redis.call('HDEL', KEYS[3], id)
                  end
                end
                local nxt = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                if #nxt == 0 then
                  redis.call('ZREM', KEYS[1], ws)
                elseif #first > 0 then
                  redis.call('ZADD', KEYS[1], math.max(tonumber(nxt[2]), now), ws)
                else
                  redis.call('ZADD', KEYS[1], nxt[2], ws)
                end
              end
            end
            return out
            """, List.class);

    /** The claim of {@code ARGV[1]} in {@code claims} is still the one with fence {@code ARGV[2]} (0: any, or none). */
    private static String ours(String claims) {
        return """
                local claim = redis.call('HGET', %s, ARGV[1])
                if ARGV[2] ~= '0' and (not claim or string.match(claim, ':([^:]+)$') ~= ARGV[2]) then
                  return 0
                end
                """.formatted(claims);
    }

    /** Extends a lease ({@code ARGV[3]}) if the claim is still ours. 1 if it was. */
    private static final RedisScript<Long> RENEW = new DefaultRedisScript<>(ours("KEYS[2]") + """
            if not claim then
              return 0
            end
            redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
            return 1
            """, Long.class);

    /**
     * Puts a delivery in (or back, when it is still ours): record {@code KEYS[5]} = {@code ARGV[3]}, due at
     * {@code ARGV[4]} in its workspace's set {@code KEYS[2]}, the workspace ({@code ARGV[5]}) ready by then in
     * {@code KEYS[1]}; its claim and lease are over. 1 if done.
     */
    private static final RedisScript<Long> PUT = new DefaultRedisScript<>(READY + ours("KEYS[4]") + """
            redis.call('SET', KEYS[5], ARGV[3])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
            ready(KEYS[1], ARGV[5], ARGV[4])
            redis.call('ZREM', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            return 1
            """, Long.class);

    /**
     * Queues fresh deliveries of one workspace ({@code ARGV[1]}), all due at {@code ARGV[2]}: records {@code
     * KEYS[3…]} = {@code ARGV[4], ARGV[6]…}, ids {@code ARGV[3], ARGV[5]…} in its due set {@code KEYS[2]}.
     */
    private static final RedisScript<Long> ENQUEUE = new DefaultRedisScript<>(READY + """
            for i = 3, #KEYS do
              redis.call('SET', KEYS[i], ARGV[2 * i - 2])
              redis.call('ZADD', KEYS[2], ARGV[2], ARGV[2 * i - 3])
            end
            ready(KEYS[1], ARGV[1], ARGV[2])
            return 1
            """, Long.class);

    /** Takes a delivery out (when it is still ours): its place, lease, claim and record. 1 if done. */
    private static final RedisScript<Long> REMOVE = new DefaultRedisScript<>(ours("KEYS[4]") + """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZREM', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            redis.call('DEL', KEYS[5])
            if redis.call('ZCARD', KEYS[2]) == 0 then
              redis.call('ZREM', KEYS[1], ARGV[3])
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final NotificationCodec codec;
    private final Clock clock;
    /** Which partition the next claim starts with. */
    private final AtomicInteger turn =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(QueuePartitions.COUNT));

    public RedisDeliveryQueue(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.codec = new NotificationCodec(json);
        this.clock = clock;
    }

    /** A new delivery's id: it names the workspace, hence the partition and keys, of the delivery. */
    static String newId(Notification notification) {
        return notification.recipient().workspace() + "@" + UUID.randomUUID();
    }

    static String workspaceOf(String id) {
        int at = id.lastIndexOf('@');
        return at < 0 ? "" : id.substring(0, at);
    }

    private static String prefix(String id) {
        return QueuePartitions.prefix(QueuePartitions.of(workspaceOf(id)));
    }

    /** Sorted set: the workspaces of a partition with deliveries for a platform, by when the next is due. */
    static String ready(int partition, Platform platform) {
        return QueuePartitions.prefix(partition) + "ready:" + platform.id();
    }

    /** Sorted set: the deliveries of a workspace for a platform, by when each is due. */
    static String due(Platform platform, String workspace) {
        return QueuePartitions.prefix(QueuePartitions.of(workspace)) + "due:" + platform.id() + ":" + workspace;
    }

    static String item(String id) {
        return prefix(id) + "item:" + id;
    }

    /** Hash: the deliveries of a partition and platform claimed by a worker that has not said how they went. */
    static String claims(int partition, Platform platform) {
        return QueuePartitions.prefix(partition) + "claimed:" + platform.id();
    }

    /** Sorted set: the claimed deliveries of a partition and platform, by the end of their lease. */
    static String leased(int partition, Platform platform) {
        return QueuePartitions.prefix(partition) + "leased:" + platform.id();
    }

    private static String fences(int partition, Platform platform) {
        return QueuePartitions.prefix(partition) + "fence:" + platform.id();
    }

    /** The keys of the scripts that put in and take out: ready, due, leased, claims, item. */
    private static List<String> keys(Platform platform, String id) {
        String ws = workspaceOf(id);
        int p = QueuePartitions.of(ws);
        return List.of(ready(p, platform), due(platform, ws), leased(p, platform), claims(p, platform), item(id));
    }

    static String failures(String workspace) {
        return RedisKeys.prefix(workspace) + "delivery:failed";
    }

    @Override
    public void enqueue(Notification notification) {
        Delivery delivery = new Delivery(newId(notification), notification, 0, clock.instant());
        Ownership.claim(redis, entry(delivery.id(), notification), notification.people());
        put(delivery, clock.instant());
    }

    /**
     * A fresh delivery has no lease and no claim yet, so putting it in is its record, its place in its workspace's
     * due set and its listing under its people, as {@link #enqueue} does (the listing first: forgetting a person
     * always finds what shows them), for a whole batch in one pipeline: one script per workspace and platform.
     */
    @Override
    public void enqueueAll(List<Notification> notifications) {
        Instant now = clock.instant();
        String at = String.valueOf(now.toEpochMilli());
        for (int from = 0; from < notifications.size(); from += BATCH) {
            List<Notification> batch = notifications.subList(from, Math.min(notifications.size(), from + BATCH));
            Map<String, List<Delivery>> byQueue = new LinkedHashMap<>();
            for (Notification n : batch) {
                byQueue.computeIfAbsent(
                                due(n.recipient().platform(), n.recipient().workspace()), k -> new ArrayList<>())
                        .add(new Delivery(newId(n), n, 0, now));
            }
            RedisCalls.pipelined(
                    redis,
                    o -> byQueue.forEach((dueKey, deliveries) -> {
                        Notification first = deliveries.get(0).notification();
                        String ws = first.recipient().workspace();
                        List<String> keys = new ArrayList<>();
                        List<Object> args = new ArrayList<>(List.of(ws, at));
                        keys.add(ready(QueuePartitions.of(ws), first.recipient().platform()));
                        keys.add(dueKey);
                        for (Delivery d : deliveries) {
                            Ownership.claim(
                                    o,
                                    entry(d.id(), d.notification()),
                                    d.notification().people());
                            keys.add(item(d.id()));
                            args.add(d.id());
                            args.add(encode(d));
                        }
                        o.execute(ENQUEUE, keys, args.toArray());
                    }));
        }
    }

    /** How a waiting delivery is listed under its people. */
    static String entry(String id, Notification notification) {
        return Ownership.DELIVERY + notification.recipient().platform().id() + ":" + id;
    }

    /**
     * Claims from the partitions with work, in turn (starting with the next one each time), an even share from each
     * first, then the rest from those that had more, until {@code max} are claimed. One pipelined look at every
     * partition comes first, so that an idle queue costs one round trip a poll, and only partitions with due work
     * (or leases run out) are claimed from. While one shard of a cluster is away, the partitions of the others are
     * still claimed from.
     */
    @Override
    public List<Delivery> claim(Platform platform, int max, Duration lease) {
        Instant now = clock.instant();
        int start = Math.floorMod(turn.getAndIncrement(), QueuePartitions.COUNT);
        List<Integer> busy = new ArrayList<>();
        try {
            double nowMs = now.toEpochMilli();
            List<Object> peeks = RedisCalls.pipelined(redis, o -> {
                for (int p = 0; p < QueuePartitions.COUNT; p++) {
                    o.opsForZSet().rangeByScore(ready(p, platform), Double.NEGATIVE_INFINITY, nowMs, 0, 1);
                    o.opsForZSet().rangeByScore(leased(p, platform), Double.NEGATIVE_INFINITY, nowMs, 0, 1);
                }
            });
            for (int i = 0; i < QueuePartitions.COUNT; i++) {
                int p = (start + i) % QueuePartitions.COUNT;
                if (nonEmpty(peeks.get(2 * p)) || nonEmpty(peeks.get(2 * p + 1))) {
                    busy.add(p);
                }
            }
        } catch (StoreUnavailableException e) {
            // a shard of a cluster is away (failing over): try every partition, those of the others still answer
            for (int i = 0; i < QueuePartitions.COUNT; i++) {
                busy.add((start + i) % QueuePartitions.COUNT);
            }
        }
        List<Delivery> claimed = new ArrayList<>();
        if (busy.isEmpty()) {
            return claimed;
        }
        int share = Math.max(1, (max + busy.size() - 1) / busy.size());
        List<Integer> more = new ArrayList<>();
        StoreUnavailableException away = null;
        int answered = 0;
        for (int p : busy) {
            int wanted = Math.min(share, max - claimed.size());
            if (wanted > 0) {
                try {
                    List<Delivery> got = claim(platform, p, wanted, now, lease);
                    answered++;
                    claimed.addAll(got);
                    if (got.size() == wanted) {
                        more.add(p);
                    }
                } catch (StoreUnavailableException e) {
                    away = e;
                }
            }
        }
        if (away != null && answered == 0) {
            throw away;
        }
        for (int i = 0; i < more.size() && claimed.size() < max; i++) {
            try {
                claimed.addAll(claim(platform, more.get(i), max - claimed.size(), now, lease));
            } catch (StoreUnavailableException e) {
                // what was claimed already is sent; this partition is claimed from again next time
            }
        }
        return claimed;
    }

    private static boolean nonEmpty(Object result) {
        return result instanceof Collection<?> c && !c.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Delivery> claim(Platform platform, int partition, int max, Instant now, Duration lease) {
        List<Object> raw = RedisCalls.call(() -> redis.execute(
                CLAIM,
                List.of(
                        ready(partition, platform),
                        leased(partition, platform),
                        claims(partition, platform),
                        fences(partition, platform)),
                String.valueOf(now.toEpochMilli()),
                String.valueOf(now.plus(lease).toEpochMilli()),
                String.valueOf(max),
                QueuePartitions.prefix(partition),
                platform.id()));
        List<Delivery> claimed = new ArrayList<>();
        for (int i = 0; raw != null && i + 4 < raw.size(); i += 5) {
            String id = String.valueOf(raw.get(i));
            boolean inDoubt = raw.get(i + 2) instanceof Number n && n.longValue() == 1L;
            long fence = raw.get(i + 3) instanceof Number n ? n.longValue() : 0;
            Instant firstClaimed = Instant.ofEpochMilli(Long.parseLong(String.valueOf(raw.get(i + 4))));
            try {
                claimed.add(read(id, String.valueOf(raw.get(i + 1)), inDoubt, fence, firstClaimed));
            } catch (JacksonException | IllegalArgumentException e) {
                log.error("Dropping unreadable delivery {} from the queue: {}", id, e.getMessage());
                remove(platform, id);
            }
        }
        return claimed;
    }

    @Override
    public boolean renew(Delivery delivery, Duration lease) {
        if (delivery.fence() == 0) {
            return false;
        }
        Platform platform = delivery.notification().recipient().platform();
        int p = QueuePartitions.of(workspaceOf(delivery.id()));
        Long renewed = RedisCalls.call(() -> redis.execute(
                RENEW,
                List.of(leased(p, platform), claims(p, platform)),
                delivery.id(),
                String.valueOf(delivery.fence()),
                String.valueOf(clock.instant().plus(lease).toEpochMilli())));
        return renewed != null && renewed == 1;
    }

    @Override
    public void done(Delivery delivery) {
        if (remove(delivery)) {
            NudgeReportLog.record(redis, json, clock.instant(), delivery.notification(), "delivered", null);
            release(delivery);
        }
    }

    private void release(Delivery delivery) {
        Ownership.release(
                redis,
                entry(delivery.id(), delivery.notification()),
                delivery.notification().people());
    }

    @Override
    public void retry(Delivery delivery, Instant at, boolean counted) {
        int attempts = delivery.attempts() + (counted ? 1 : 0);
        put(
                new Delivery(
                        delivery.id(),
                        delivery.notification(),
                        attempts,
                        delivery.queuedAt(),
                        delivery.inDoubt(),
                        delivery.fence(),
                        delivery.firstClaimed()),
                at);
    }

    @Override
    public void failed(Delivery delivery, String reason) {
        if (!remove(delivery)) {
            return;
        }
        ObjectNode record = json.createObjectNode();
        record.put("to", delivery.notification().recipient().toString());
        record.put("kind", delivery.notification().kind());
        record.put("reason", reason);
        record.put("attempts", delivery.attempts() + 1);
        record.put("at", clock.instant().toEpochMilli());
        String key = failures(delivery.notification().recipient().workspace());
        RedisCalls.run(() -> {
            redis.opsForList().leftPush(key, json.writeValueAsString(record));
            redis.opsForList().trim(key, 0, FAILURES_KEPT - 1);
        });
        NudgeReportLog.record(redis, json, clock.instant(), delivery.notification(), "failed", reason);
        release(delivery);
    }

    /**
     * Two round trips: the ready workspaces of every partition, then each one's count of deliveries and after them
     * each partition's claimed ones. Counting the waiting before the claimed (a partition's keys are on one node,
     * answered in order) never misses a delivery being claimed meanwhile.
     */
    @Override
    public long depth(Platform platform) {
        List<Object> listed = RedisCalls.pipelined(redis, o -> {
            for (int p = 0; p < QueuePartitions.COUNT; p++) {
                o.opsForZSet().range(ready(p, platform), 0, -1);
            }
        });
        List<String> workspaces = new ArrayList<>();
        for (Object ready : listed) {
            if (ready instanceof Collection<?> c) {
                c.forEach(ws -> workspaces.add(String.valueOf(ws)));
            }
        }
        List<Object> counts = RedisCalls.pipelined(redis, o -> {
            workspaces.forEach(ws -> o.opsForZSet().zCard(due(platform, ws)));
            for (int p = 0; p < QueuePartitions.COUNT; p++) {
                o.opsForZSet().zCard(leased(p, platform));
            }
        });
        long total = 0;
        for (Object c : counts) {
            total += c instanceof Number n ? n.longValue() : 0;
        }
        return total;
    }

    @Override
    public List<FailedDelivery> failures(String workspace, int max) {
        List<String> raw = RedisCalls.call(() -> redis.opsForList().range(failures(workspace), 0, max - 1L));
        List<FailedDelivery> out = new ArrayList<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            JsonNode n = json.readTree(r);
            out.add(new FailedDelivery(
                    n.get("to").asString(),
                    n.get("kind").asString(),
                    n.get("reason").asString(),
                    n.get("attempts").asInt(),
                    Instant.ofEpochMilli(n.get("at").asLong())));
        }
        return out;
    }

    /** A delivery as stored (also used to hand nudges over to this queue in one step). */
    String encode(Delivery delivery) {
        ObjectNode node = json.createObjectNode();
        node.put("n", codec.write(delivery.notification()));
        node.put("a", delivery.attempts());
        node.put("q", delivery.queuedAt().toEpochMilli());
        return json.writeValueAsString(node);
    }

    private void put(Delivery delivery, Instant due) {
        String value = encode(delivery);
        Platform platform = delivery.notification().recipient().platform();
        RedisCalls.run(() -> redis.execute(
                PUT,
                keys(platform, delivery.id()),
                delivery.id(),
                String.valueOf(delivery.fence()),
                value,
                String.valueOf(due.toEpochMilli()),
                workspaceOf(delivery.id())));
    }

    /** Takes a delivery out of the queue if its claim is still the one it was given; whether it did. */
    private boolean remove(Delivery delivery) {
        Platform platform = delivery.notification().recipient().platform();
        Long removed = RedisCalls.call(() -> redis.execute(
                REMOVE,
                keys(platform, delivery.id()),
                delivery.id(),
                String.valueOf(delivery.fence()),
                workspaceOf(delivery.id())));
        return removed != null && removed == 1;
    }

    /** Takes a delivery out of the queue (its record and its claim), whoever it was for and whoever claimed it. */
    void remove(Platform platform, String id) {
        RedisCalls.run(() -> redis.execute(REMOVE, keys(platform, id), id, "0", workspaceOf(id)));
    }

    /** A delivery as stored under {@code id}, unclaimed. */
    Delivery decode(String id, JsonNode node) {
        return new Delivery(
                id,
                codec.read(node.get("n").asString()),
                node.get("a").asInt(),
                Instant.ofEpochMilli(node.get("q").asLong()));
    }

    /** Puts a delivery nobody has claimed into its workspace's queue, due at {@code at}. */
    void putFresh(Delivery delivery, Instant at) {
        put(delivery, at);
    }

    private Delivery read(String id, String raw, boolean inDoubt, long fence, Instant firstClaimed) {
        JsonNode node = json.readTree(raw);
        return new Delivery(
                id,
                codec.read(node.get("n").asString()),
                node.get("a").asInt(),
                Instant.ofEpochMilli(node.get("q").asLong()),
                inDoubt,
                fence,
                firstClaimed);
    }
}

package io.tandem.store;

import io.tandem.engine.MemberId;
import java.util.Collection;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Whose data each record holds, kept by key: per member, a set of the records that hold their personal data
 * ({@code tandem:{<workspace>}:owns:<user>}), each entry {@code <kind>:<id>}. Export and erasure read this set and
 * touch exactly those records, never a scan of the workspace and never a search of anyone's text. The stores add an
 * entry before they write the record (in the same pipeline), so a record is never without its owners; an entry
 * whose record is gone (delivered, expired) is dropped when it is next read.
 */
final class Ownership {

    /** A request (mentee, mentor). */
    static final String REQUEST = "request:";
    /** A pair (mentor, mentee). */
    static final String PAIR = "pair:";
    /** A session (organizer, other). */
    static final String SESSION = "session:";
    /** A check-in (its member only): {@code checkin:<session id>}. */
    static final String CHECKIN = "checkin:";
    /** A question (asker, the experts it was sent to). */
    static final String QUESTION = "question:";
    /** An answer (author). */
    static final String ANSWER = "answer:";
    /** A tip (author). */
    static final String TIP = "tip:";
    /** Feedback given when a pair ended (its author only): {@code feedback:<pair id>}. */
    static final String FEEDBACK = "feedback:";
    /** A tip the member found useful: {@code vote:<tip id>}. */
    static final String VOTE = "vote:";
    /** A nudge waiting to go out: {@code nudge:<queue member>}. */
    static final String NUDGE = "nudge:";
    /** A notification waiting in the delivery queue: {@code delivery:<platform>:<id>}. */
    static final String DELIVERY = "delivery:";
    /** A colleague's profile names the member as their manager: {@code manages:<user>}. */
    static final String MANAGES = "manages:";
    /** Membership of a programme (the member only): {@code campaign:<name>}. */
    static final String CAMPAIGN = "campaign:";
    /** Thanks (the one who gave it and the one who received it). */
    static final String THANKS = "thanks:";
    /** A file waiting to be downloaded (the member's own export): {@code download:<kind>:<token>}. */
    static final String DOWNLOAD = "download:";

    private Ownership() {}

    static String key(MemberId member) {
        return RedisKeys.prefix(member.workspace()) + "owns:" + member.user();
    }

    /** Only people own data: not a channel, not the tombstone of a former member. */
    static boolean person(MemberId member) {
        return member != null && !member.isChannel() && !member.formerMember();
    }

    /** Queues the entry for each of {@code owners} (in a pipeline or a transaction). */
    static void claim(RedisOperations<String, String> o, String entry, Collection<MemberId> owners) {
        for (MemberId owner : owners) {
            if (person(owner)) {
                o.opsForSet().add(key(owner), entry);
            }
        }
    }

    /** Adds the entry for each of {@code owners} now. */
    static void claim(StringRedisTemplate redis, String entry, Collection<MemberId> owners) {
        for (MemberId owner : owners) {
            if (person(owner)) {
                RedisCalls.run(() -> redis.opsForSet().add(key(owner), entry));
            }
        }
    }

    /** Drops the entry from each of {@code owners}' sets (the record is gone). */
    static void release(StringRedisTemplate redis, String entry, Collection<MemberId> owners) {
        for (MemberId owner : owners) {
            if (person(owner)) {
                RedisCalls.run(() -> redis.opsForSet().remove(key(owner), entry));
            }
        }
    }
}

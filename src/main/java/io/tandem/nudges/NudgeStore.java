package io.tandem.nudges;

import io.tandem.engine.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the durable schedule of due nudges, shared by every instance. A claimed nudge is leased: if its instance
 * dies before handing it over, the lease ends and another instance claims it. Handing over to delivery and
 * removing the nudge happen at once, so a nudge is delivered once.
 */
public interface NudgeStore {

    /** Schedules a nudge, replacing one with the same id. */
    void put(Nudge nudge);

    void remove(String workspace, String id);

    /** Claims up to {@code max} nudges due at {@code now}, each leased for {@code lease}. */
    List<Nudge> claim(Instant now, Duration lease, int max);

    /**
     * Hands a claimed nudge over to delivery as {@code notification} and removes it, atomically; false (and
     * nothing done) when the nudge was replaced or removed since it was claimed.
     */
    boolean handOver(Nudge claimed, Notification notification);

    /** Removes a claimed nudge without sending it, and records why. */
    void skip(Nudge claimed, String reason);

    /** Puts a claimed nudge back, due at {@code at} (e.g. it fell due outside working hours). */
    void postpone(Nudge claimed, Instant at);

    /** Nudges waiting, due or not. */
    long depth();

    /** Due time of the earliest nudge, if any. */
    Optional<Instant> oldestDue();

    /** The latest outcomes of a workspace's nudges (delivered, failed, skipped), newest first. */
    List<Outcome> report(String workspace, int max);

    /** How one nudge ended. */
    record Outcome(Instant at, String kind, String recipient, String result, String reason) {}
}

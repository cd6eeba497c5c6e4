package io.tandem.sessions;

import io.tandem.engine.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mentoring session of a pair. {@code zone} is the organizer's timezone (what the time was typed in);
 * {@code sequence} grows with each change, as calendar invites require; {@code token} is the unguessable part
 * of the calendar link; {@code changedBy} is who moved or cancelled it last (null: nobody since it was planned),
 * the organizer its calendar invite names.
 */
public record Session(
        String id,
        String pairId,
        MemberId organizer,
        MemberId other,
        Instant start,
        Duration duration,
        String topic,
        ZoneId zone,
        int sequence,
        Status status,
        String token,
        Instant createdAt,
        MemberId changedBy) {

    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        topic = topic == null || topic.isBlank() ? null : topic;
        changedBy = changedBy == null || !(changedBy.equals(organizer) || changedBy.equals(other)) ? null : changedBy;
    }

    public Session(
            String id,
            String pairId,
            MemberId organizer,
            MemberId other,
            Instant start,
            Duration duration,
            String topic,
            ZoneId zone,
            int sequence,
            Status status,
            String token,
            Instant createdAt) {
        this(id, pairId, organizer, other, start, duration, topic, zone, sequence, status, token, createdAt, null);
    }

    /** Who last planned, moved or cancelled it: the organizer of its calendar invite. */
    public MemberId lastChangedBy() {
        return changedBy == null ? organizer : changedBy;
    }

    /** The members whose data this holds. */
    public Set<MemberId> people() {
        return Set.copyOf(List.of(organizer, other));
    }

    /** The same session with {@code who} replaced by {@code with} (a former member's tombstone). */
    public Session replacing(MemberId who, MemberId with) {
        return new Session(
                id,
                pairId,
                who.equals(organizer) ? with : organizer,
                who.equals(other) ? with : other,
                start,
                duration,
                topic,
                zone,
                sequence,
                status,
                token,
                createdAt,
                who.equals(changedBy) ? with : changedBy);
    }

    public Instant end() {
        return start.plus(duration);
    }

    public boolean involves(MemberId member) {
        return organizer.equals(member) || other.equals(member);
    }

    public MemberId otherThan(MemberId member) {
        return organizer.equals(member) ? other : organizer;
    }

    /** The short id members type: {@code /mentor cancel 3f9a2c}. */
    public String shortId() {
        return id.substring(0, Math.min(6, id.length()));
    }

    /** Moved by {@code by}, one of its two members. */
    public Session movedTo(Instant newStart, Duration newDuration, MemberId by) {
        return new Session(
                id,
                pairId,
                organizer,
                other,
                newStart,
                newDuration,
                topic,
                zone,
                sequence + 1,
                status,
                token,
                createdAt,
                by);
    }

    /** Cancelled by {@code by}, one of its two members. */
    public Session cancelled(MemberId by) {
        return new Session(
                id,
                pairId,
                organizer,
                other,
                start,
                duration,
                topic,
                zone,
                sequence + 1,
                Status.CANCELLED,
                token,
                createdAt,
                by);
    }
}

package io.tandem.pairing;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mentee asking a mentor to teach them a skill. Pending until the mentor accepts or declines, or it expires.
 *
 * @param reason why it was declined (optional, shown to the mentee kindly)
 */
public record MentoringRequest(
        String id,
        MemberId mentee,
        MemberId mentor,
        String skill,
        String message,
        Status status,
        Instant createdAt,
        Instant answeredAt,
        String reason) {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        EXPIRED
    }

    public MentoringRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mentee, "mentee");
        Objects.requireNonNull(mentor, "mentor");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(status, "status");
        message = message == null || message.isBlank() ? null : message;
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** The members whose data this holds. */
    public Set<MemberId> people() {
        return Set.copyOf(List.of(mentee, mentor));
    }

    /** The same request with {@code who} replaced by {@code with} (a former member's tombstone). */
    public MentoringRequest replacing(MemberId who, MemberId with) {
        return new MentoringRequest(
                id,
                swap(mentee, who, with),
                swap(mentor, who, with),
                skill,
                message,
                status,
                createdAt,
                answeredAt,
                reason);
    }

    private static MemberId swap(MemberId m, MemberId who, MemberId with) {
        return who.equals(m) ? with : m;
    }

    public MentoringRequest answered(Status outcome, Instant at, String why) {
        return new MentoringRequest(
                id, mentee, mentor, skill, message, outcome, createdAt, at, why == null || why.isBlank() ? null : why);
    }
}

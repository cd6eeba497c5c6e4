package io.tandem.sessions;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.Objects;

/**
 * A participant's check-in after a session: did you meet, how useful (1–5), one thing learned, a private note.
 * Private to the member: leads only ever see aggregates.
 */
public record CheckIn(
        String sessionId, MemberId member, Met met, int usefulness, String learned, String note, Instant answeredAt) {

    public enum Met {
        YES,
        NO,
        MOVED
    }

    public CheckIn {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(met, "met");
        learned = learned == null || learned.isBlank() ? null : learned;
        note = note == null || note.isBlank() ? null : note;
    }

    /** The same check-in without its private note (the retention period ended). */
    public CheckIn withoutNote() {
        return new CheckIn(sessionId, member, met, usefulness, learned, null, answeredAt);
    }
}

package io.tandem.recognition;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.Objects;

/** One member thanking another, with what for (optional). Shared by both: each can export it. */
public record Thanks(String id, MemberId from, MemberId to, String reason, Instant at) {

    public Thanks {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        reason = reason == null || reason.isBlank() ? null : reason;
    }

    /** The same thanks with {@code who} replaced by {@code with} (a former member's tombstone). */
    public Thanks replacing(MemberId who, MemberId with) {
        return new Thanks(id, who.equals(from) ? with : from, who.equals(to) ? with : to, reason, at);
    }
}

package io.tandem.moderation;

import io.tandem.engine.MemberId;
import io.tandem.engine.Refusal;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: how much one member may send that reaches other people (requests, questions, answers, tips, reports), so
 * that nobody can flood colleagues or leads. The count is per member and workspace and shared by every instance;
 * a send it refuses is neither sent nor stored.
 */
@FunctionalInterface
public interface SendingLimit {

    /** No limit (tests of something else). */
    SendingLimit NONE = sender -> Optional.empty();

    /**
     * Counts one send by the member if it is within the limits; if not, counts nothing and answers how long until
     * one would be.
     */
    Optional<Duration> take(MemberId sender);

    /** Counts one send, or refuses it with how many minutes to wait (at least one). */
    default void spend(MemberId sender) {
        take(sender).ifPresent(wait -> {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw minutes == 1 ? new Refusal("limit.sending.minute") : new Refusal("limit.sending", minutes);
        });
    }
}

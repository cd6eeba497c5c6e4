package io.tandem.delivery;

import io.tandem.engine.Notification;
import java.time.Instant;

/**
 * A queued notification: its id in the queue, how many times sending it failed so far, when it was queued, and
 * whether it is in doubt: claimed before by a worker that never said how it went (its instance died, perhaps
 * after the platform had the message), so a sender that can look should check before sending it again, among what
 * was posted since it was first claimed ({@code firstClaimed}). {@code fence} tells this claim from any later one:
 * what a worker says about a delivery counts only while the claim is still its own (0: not claimed).
 */
public record Delivery(
        String id,
        Notification notification,
        int attempts,
        Instant queuedAt,
        boolean inDoubt,
        long fence,
        Instant firstClaimed) {

    public Delivery {
        firstClaimed = firstClaimed == null ? queuedAt : firstClaimed;
    }

    public Delivery(String id, Notification notification, int attempts, Instant queuedAt) {
        this(id, notification, attempts, queuedAt, false, 0, null);
    }

    public Delivery(String id, Notification notification, int attempts, Instant queuedAt, boolean inDoubt) {
        this(id, notification, attempts, queuedAt, inDoubt, 0, null);
    }
}

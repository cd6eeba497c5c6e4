package io.tandem.delivery;

import java.time.Instant;

import io.tandem.engine.Notification;

/**
 * A queued notification: its id in the queue, how many times sending it failed so far, when it was queued, and
 * whether it is in doubt: claimed before by a worker that never said how it went (its instance died, perhaps
 * after the platform had the message), so a sender that can look should check before sending it again.
 */
public record Delivery(String id, Notification notification, int attempts, Instant queuedAt, boolean inDoubt) {

    public Delivery(String id, Notification notification, int attempts, Instant queuedAt) {
        this(id, notification, attempts, queuedAt, false);
    }
}

package io.tandem.delivery;

import java.time.Instant;

import io.tandem.engine.Notification;

/** A queued notification: its id in the queue, how many times sending it failed so far, and when it was queued. */
public record Delivery(String id, Notification notification, int attempts, Instant queuedAt) {
}

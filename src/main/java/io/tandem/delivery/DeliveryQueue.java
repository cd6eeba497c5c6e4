package io.tandem.delivery;

import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: the durable queue of notifications to deliver. A claimed delivery is leased: if its worker dies before
 * saying how it went, the lease expires and another worker (on any instance) claims it again.
 */
public interface DeliveryQueue {

    /** Queues a notification, due now. */
    void enqueue(Notification notification);

    /** Queues many notifications, due now, in order: as {@link #enqueue} each, in fewer round trips. */
    default void enqueueAll(List<Notification> notifications) {
        notifications.forEach(this::enqueue);
    }

    /** Claims up to {@code max} deliveries of a platform that are due, each leased for {@code lease}. */
    List<Delivery> claim(Platform platform, int max, Duration lease);

    /**
     * Extends the lease of a claimed delivery while it is being sent; false if the claim is no longer this one
     * (the lease ran out and another worker took it over): then nothing this worker says about it counts.
     */
    boolean renew(Delivery delivery, Duration lease);

    /** Delivered: forget it (unless the claim was lost meanwhile). */
    void done(Delivery delivery);

    /** Put it back, due at {@code at}; {@code counted} adds one to its attempts. */
    void retry(Delivery delivery, Instant at, boolean counted);

    /** Gave up: remove it and record why, for programme leads. */
    void failed(Delivery delivery, String reason);

    /** Deliveries waiting (due or not) for a platform. */
    long depth(Platform platform);

    /** The most recent failures of a workspace, newest first. */
    List<FailedDelivery> failures(String workspace, int max);
}

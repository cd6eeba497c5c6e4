package io.tandem.delivery;

import java.time.Instant;

/** A notification that could not be delivered, kept so that programme leads can see who missed what, and why. */
public record FailedDelivery(String recipient, String kind, String reason, int attempts, Instant at) {}

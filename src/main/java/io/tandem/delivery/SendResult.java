package io.tandem.delivery;

import java.time.Instant;

/** What happened when a {@link Sender} tried to deliver one notification. */
public sealed interface SendResult {

    record Delivered() implements SendResult {}

    /**
     * Try again at {@code at}, or after the usual backoff for the delivery's attempts when {@code at} is null.
     * {@code throttled} is true for rate limits and pacing, which are waited out however long it takes; other
     * retries (network errors, 5xx) count towards the attempt limit.
     */
    record Retry(Instant at, String reason, boolean throttled) implements SendResult {

        /**
         * Tandem's own Redis did not answer (down, or a shard of its cluster failing over): waited out like pacing,
         * since the message is not at fault; the queue, in the same Redis, holds it meanwhile.
         */
        public static Retry storeUnavailable(Instant at) {
            return new Retry(at, STORE_UNAVAILABLE, true);
        }
    }

    /** The reason of {@link Retry#storeUnavailable}. */
    String STORE_UNAVAILABLE = "store unavailable";

    /** Will never succeed (no such user, deactivated account…): recorded with the reason, never retried. */
    record Failed(String reason) implements SendResult {}

    static SendResult delivered() {
        return new Delivered();
    }
}

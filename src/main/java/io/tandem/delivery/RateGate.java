package io.tandem.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: shared pacing between instances. {@link #tryAcquire} lets one send through per key and interval (e.g. one
 * message per second per Slack channel); {@link #pause} holds a whole key back after a 429.
 */
public interface RateGate {

    boolean tryAcquire(String key, Duration interval);

    /**
     * Lets a send through when fewer than {@code permits} went through for {@code key} in the last {@code window}
     * (a sliding window, shared by every instance), and counts it.
     */
    boolean tryAcquire(String key, int permits, Duration window);

    void pause(String key, Duration duration);

    Optional<Instant> pausedUntil(String key);
}

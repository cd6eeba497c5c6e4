package io.tandem.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter for transient failures: 2 s, 4 s, 8 s… capped at 5 minutes. */
public final class Backoff {

    private static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {}

    public static Instant after(Instant now, int attempts) {
        long seconds = Math.min(MAX.toSeconds(), 1L << Math.min(20, attempts + 1));
        long jitterMillis = ThreadLocalRandom.current().nextLong(0, 1 + seconds * 250);
        return now.plusSeconds(seconds).plusMillis(jitterMillis);
    }
}

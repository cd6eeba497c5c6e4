package io.tandem.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check of an outside service (Slack, the Bot Framework) that asks it at most once per {@code ttl}, so
 * that whoever polls {@code /actuator/health} cannot spend Tandem's API budget. A check that throws is reported
 * DOWN with the kind of error only: its message could quote a request and, in it, a token.
 */
public abstract class CachedHealthIndicator implements HealthIndicator {

    private final Clock clock;
    private final Duration ttl;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    protected CachedHealthIndicator(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public final Health health() {
        Instant now = clock.instant();
        Health cached = last;
        if (cached != null && now.isBefore(checkedAt.plus(ttl)) && !now.isBefore(checkedAt)) {
            return cached;
        }
        synchronized (this) {
            if (last != null && now.isBefore(checkedAt.plus(ttl)) && !now.isBefore(checkedAt)) {
                return last;
            }
            Health health;
            try {
                health = check();
            } catch (Exception e) {
                health = Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
            last = health;
            checkedAt = now;
            return health;
        }
    }

    /** Asks the service; called at most once per ttl. */
    protected abstract Health check() throws Exception;
}

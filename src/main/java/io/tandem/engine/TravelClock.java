package io.tandem.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the application: the system's, plus an offset that only moves forward. Tests move it to make
 * tomorrow's reminders due; the console's time travel (local mode only) moves it for demos.
 */
public final class TravelClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public TravelClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private TravelClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Moves time forward; returns the new now. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** Jumps to an exact moment, forward or back: for tests only (the console only ever moves forward). */
    public void travelTo(Instant at) {
        offset.set(Duration.between(base.instant(), at));
    }

    /** Back to the system's time (tests, between cases). */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TravelClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}

package io.tandem.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: pacing shared by every instance. {@link #acquire} lets a message through to a conversation of a workspace
 * when the conversation had none for an interval and the workspace has room in its sliding window; after a 429,
 * {@link #refused} learns the rate the platform accepts and {@link #pause} holds the whole workspace back.
 */
public interface RateGate {

    /**
     * Takes a place ({@code ticket}, unique) for one message to {@code conversation} in {@code workspace}, if both
     * have room: the conversation had no message for {@code interval}, and fewer than {@code permits} went to the
     * workspace in the last {@code window} (0 permits: no limit of Tandem's own), nor more than it learnt the
     * platform accepts, and a tenth of those in any tenth of the window (spread out, not in bursts). Otherwise
     * takes nothing and says which is full and for how long.
     */
    Verdict acquire(
            String workspace, String conversation, Duration interval, int permits, Duration window, String ticket);

    /**
     * The platform refused the message of {@code ticket} (429): its place is given back, and the workspace's
     * rate is held, for {@code remember}, a little under what went through in the last {@code window} (lower
     * still if that was already the rate), unless that is about the configured {@code permits} (0: none): then
     * the refusal was a matter of timing. Returns the rate held.
     */
    int refused(String workspace, String ticket, int permits, Duration window, Duration remember);

    void pause(String key, Duration duration);

    Optional<Instant> pausedUntil(String key);

    /** What {@link #acquire} answered. */
    enum Full {
        NONE,
        CONVERSATION,
        WORKSPACE
    }

    /** {@code full} NONE: the place is taken, go; otherwise what is full, and {@code retryIn} until it has room. */
    record Verdict(Full full, Duration retryIn) {

        public static final Verdict GO = new Verdict(Full.NONE, Duration.ZERO);

        public boolean go() {
            return full == Full.NONE;
        }
    }
}

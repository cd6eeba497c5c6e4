package io.tandem.engine;

import java.time.Duration;

/**
 * Port: a guard shared by every instance, so that something retried by a platform (a Slack event re-sent,
 * a Teams activity delivered twice) is handled once.
 */
public interface Once {

    /** True the first time {@code key} is seen within {@code window}; false for every repeat. */
    boolean first(String key, Duration window);

    /** Forgets a key whose handling could not even start, so that the platform's retry is handled. */
    void forget(String key);
}

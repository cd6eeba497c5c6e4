package io.tandem.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import io.tandem.engine.Once;
import io.tandem.engine.StoreUnavailableException;
import java.time.Duration;

/** Slack's retries of an event: every instance shares this guard, so each event is handled once. */
final class EventRetries {

    private static final Duration EVENT_WINDOW = Duration.ofHours(1);

    private final Once once;

    EventRetries(Once once) {
        this.once = once;
    }

    /** Slack re-sends an event it thinks was missed; every instance shares this guard, so it is handled once. */
    boolean firstTime(EventsApiPayload<?> payload) {
        if (payload.getEventId() == null) {
            return true;
        }
        try {
            return once.first("slack:event:" + payload.getEventId(), EVENT_WINDOW);
        } catch (StoreUnavailableException e) {
            return true;
        }
    }

    /** Forgets an event that was not handled, so that Slack's retry is. */
    void forget(EventsApiPayload<?> payload) {
        if (payload.getEventId() != null) {
            try {
                once.forget("slack:event:" + payload.getEventId());
            } catch (StoreUnavailableException ignored) {
                // the guard's key expires on its own
            }
        }
    }
}

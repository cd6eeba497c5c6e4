package io.tandem.engine;

import java.util.Objects;

/**
 * A message for a member other than the one who acted (a DM): delivered by the recipient's platform adapter.
 *
 * @param recipient who gets it
 * @param kind      what it is about (e.g. {@code mentoring.request}); lets delivery reports and opt-outs group them
 * @param message   the content, already written in the recipient's language
 */
public record Notification(MemberId recipient, String kind, Reply message) {
    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}

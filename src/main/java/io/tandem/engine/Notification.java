package io.tandem.engine;

import java.util.Objects;

/**
 * A message for a member other than the one who acted (a DM): delivered by the recipient's platform adapter.
 *
 * @param recipient     who gets it
 * @param kind          what it is about (e.g. {@code mentoring.request}); lets delivery reports and opt-outs group
 *                      them
 * @param message       the content, already written in the recipient's language
 * @param sender        the member who caused it, to be told if it can never be delivered; may be null
 * @param ifUndelivered what to tell the sender then, in the sender's language; null when nobody is to be told
 */
public record Notification(MemberId recipient, String kind, Reply message, MemberId sender, Reply ifUndelivered) {
    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if ((sender == null) != (ifUndelivered == null)) {
            throw new IllegalArgumentException("a sender to tell goes with what to tell them");
        }
    }

    public Notification(MemberId recipient, String kind, Reply message) {
        this(recipient, kind, message, null, null);
    }

    /** The notice for the sender when this cannot be delivered, if someone is to be told. */
    public java.util.Optional<Notification> undeliveredNotice() {
        return sender == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Notification(sender, "delivery.undelivered", ifUndelivered));
    }
}

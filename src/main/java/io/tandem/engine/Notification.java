package io.tandem.engine;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message for a member other than the one who acted (a DM): delivered by the recipient's platform adapter.
 *
 * @param recipient     who gets it
 * @param kind          what it is about (e.g. {@code mentoring.request}); lets delivery reports and opt-outs group
 *                      them
 * @param message       the content, already written in the recipient's language
 * @param sender        the member who caused it, to be told if it can never be delivered; may be null
 * @param ifUndelivered what to tell the sender then, in the sender's language; null when nobody is to be told
 * @param about         the members (besides the recipient) whose names or data the message shows: while it waits
 *                      to go out it is theirs too, so forgetting any of them withdraws it
 * @param label         what it is, in the recipient's language, as a title ("Request accepted"); kept when a nudge
 *                      regroups it under another kind; null for notifications made without one (older queued ones)
 * @param undeliveredLabel the label of the notice for the sender, in the sender's language; null when no sender
 */
public record Notification(
        MemberId recipient,
        String kind,
        Reply message,
        MemberId sender,
        Reply ifUndelivered,
        Set<MemberId> about,
        String label,
        String undeliveredLabel) {
    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if ((sender == null) != (ifUndelivered == null)) {
            throw new IllegalArgumentException("a sender to tell goes with what to tell them");
        }
        Set<MemberId> people = new LinkedHashSet<>(about == null ? Set.of() : about);
        if (sender != null) {
            people.add(sender);
        }
        people.remove(recipient);
        people.removeIf(MemberId::formerMember);
        about = Set.copyOf(people);
        if (sender == null) {
            undeliveredLabel = null;
        }
    }

    public Notification(
            MemberId recipient, String kind, Reply message, MemberId sender, Reply ifUndelivered, Set<MemberId> about) {
        this(recipient, kind, message, sender, ifUndelivered, about, null, null);
    }

    public Notification(MemberId recipient, String kind, Reply message, MemberId sender, Reply ifUndelivered) {
        this(recipient, kind, message, sender, ifUndelivered, Set.of());
    }

    public Notification(MemberId recipient, String kind, Reply message) {
        this(recipient, kind, message, null, null, Set.of());
    }

    /**
     * A notification of a known kind, labelled in the recipient's language.
     *
     * @param theirs the recipient's messages: the ones {@code message} was written with
     */
    public static Notification of(MemberId recipient, NotificationKind kind, Messages theirs, Reply message) {
        return new Notification(recipient, kind.id(), message, null, null, Set.of(), kind.label(theirs), null);
    }

    /**
     * The same notification, with the sender to tell, in their own language, if it can never be delivered.
     *
     * @param senders the sender's messages: the ones {@code ifUndelivered} was written with
     */
    public Notification orTell(MemberId sender, Messages senders, Reply ifUndelivered) {
        return new Notification(
                recipient,
                kind,
                message,
                sender,
                ifUndelivered,
                about,
                label,
                NotificationKind.UNDELIVERED.label(senders));
    }

    /** The same notification, also showing these members (null ones are ignored). */
    public Notification about(MemberId... people) {
        Set<MemberId> more = new LinkedHashSet<>(about);
        for (MemberId m : people) {
            if (m != null) {
                more.add(m);
            }
        }
        return new Notification(recipient, kind, message, sender, ifUndelivered, more, label, undeliveredLabel);
    }

    /** The same notification grouped under another kind (its people and its label kept). */
    public Notification relabelled(String newKind) {
        return new Notification(recipient, newKind, message, sender, ifUndelivered, about, label, undeliveredLabel);
    }

    /** Everyone whose data this holds: the recipient and the people it shows. */
    public Set<MemberId> people() {
        Set<MemberId> all = new LinkedHashSet<>(about);
        all.add(recipient);
        return all;
    }

    /** The notice for the sender when this cannot be delivered, if someone is to be told. */
    public Optional<Notification> undeliveredNotice() {
        return sender == null
                ? Optional.empty()
                : Optional.of(new Notification(
                        sender,
                        NotificationKind.UNDELIVERED.id(),
                        ifUndelivered,
                        null,
                        null,
                        Set.of(),
                        undeliveredLabel,
                        null));
    }
}

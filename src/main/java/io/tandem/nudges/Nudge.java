package io.tandem.nudges;

import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A message due at a given time. Reminders, check-in prompts and inactive-pair nudges are written when they go
 * out (the session may have moved); the others carry their {@code message}, written when they were scheduled.
 *
 * @param id         unique within the workspace; scheduling the same id again replaces the nudge
 * @param subject    what it is about (a session or pair id), for those written when they go out
 * @param message    the notification, for those written in advance; null otherwise
 * @param staleAfter after this, it is no longer worth sending (null: always worth it)
 */
public record Nudge(
        String id,
        MemberId recipient,
        Kind kind,
        Instant due,
        String subject,
        Notification message,
        Instant staleAfter) {

    public Nudge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
    }

    public String workspace() {
        return recipient.workspace();
    }

    public Nudge dueAt(Instant at) {
        return new Nudge(id, recipient, kind, at, subject, message, staleAfter);
    }

    /** What a nudge is, and which switch of {@code /mentor nudges off …} silences it (none: cannot be). */
    public enum Kind {
        REMINDER("reminders"),
        CHECKIN("checkins"),
        TIP("tips"),
        INACTIVE("reminders"),
        /** A programme pair that has not met yet, asked to plan its first session; written when scheduled. */
        FIRST_SESSION("reminders"),
        DIGEST(null),
        NOTICE(null),
        /**
         * A programme's invitation: sent once, in working hours, never silenced; it reaches a paused member too (a
         * lead's invitation, often to someone a roster import added and who has not opted in yet).
         */
        PROGRAMME(null);

        private final String category;

        Kind(String category) {
            this.category = category;
        }

        /** Whether it goes to a member who paused (or has not opted in yet): only a lead's invitation does. */
        public boolean reachesPaused() {
            return this == PROGRAMME;
        }

        public Optional<String> category() {
            return Optional.ofNullable(category);
        }

        /** The kind of the notifications it becomes; delivery reports recognise nudges by its prefix. */
        public String notificationKind() {
            return NOTIFICATION_PREFIX + name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String NOTIFICATION_PREFIX = "nudge.";
}

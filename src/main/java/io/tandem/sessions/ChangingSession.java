package io.tandem.sessions;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Once;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Changing a booked session: rescheduling or cancelling one of mine, the other person told each time. */
@Component
class ChangingSession {

    static final String CANCEL = "mentoring.session.cancel";

    private final Profiles profiles;
    private final SessionStore sessionStore;
    private final SchedulingSession scheduling;
    private final SessionNotices notices;
    private final List<SessionEvents> events;
    private final Once once;

    ChangingSession(
            Profiles profiles,
            SessionStore sessionStore,
            SchedulingSession scheduling,
            SessionNotices notices,
            List<SessionEvents> events,
            Once once) {
        this.events = List.copyOf(events);
        this.once = once;
        this.profiles = profiles;
        this.sessionStore = sessionStore;
        this.scheduling = scheduling;
        this.notices = notices;
    }

    /** {@code /mentor reschedule <session> <when>}. */
    Reply reschedule(Invocation in, String shortId, String text) {
        Session session = mine(in, shortId);
        WhenParser.Parsed parsed = scheduling.parse(in, text);
        Duration duration = text.matches("(?s).*\\d+\\s*(m|min|h).*") ? parsed.duration() : session.duration();
        Session moved = session.movedTo(
                parsed.start().toInstant(), duration, in.caller().id());
        scheduling.refuseDuplicate(
                in,
                moved,
                scheduling.upcoming(in.caller().id()),
                profiles.find(session.otherThan(in.caller().id()))
                        .map(Profile::name)
                        .orElseGet(() -> in.t("member.former")));
        sessionStore.save(moved);
        once.forget(SchedulingSession.slot(session));
        events.forEach(e -> e.changed(moved));
        notices.tell(moved, in.caller().id(), NotificationKind.SESSION_RESCHEDULED, "session.rescheduled");
        return Reply.text(in.t(
                "session.rescheduled.done",
                SessionNotices.when(moved, in.caller().zone(), in.messages()),
                notices.calendarUrl(moved)));
    }

    /** {@code /mentor cancel <session>} or the Cancel button. */
    Reply cancel(Invocation in, Session session) {
        Session cancelled = session.cancelled(in.caller().id());
        sessionStore.save(cancelled);
        once.forget(SchedulingSession.slot(session));
        events.forEach(e -> e.changed(cancelled));
        notices.tell(cancelled, in.caller().id(), NotificationKind.SESSION_CANCELLED, "session.cancelled");
        return Reply.text(in.t(
                "session.cancelled.done",
                SessionNotices.when(cancelled, in.caller().zone(), in.messages())));
    }

    /** The Cancel button of {@code /mentor sessions}. */
    Reply cancelFromButton(Invocation in) {
        Session session = ActionValue.parse(in.action().value())
                .get("session")
                .flatMap(id -> session(in, id))
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .orElseThrow(() -> new Refusal("action.stale"));
        return cancel(in, session);
    }

    /** One of my scheduled sessions, by its id or short id. */
    Session mine(Invocation in, String shortId) {
        String id = shortId.strip().toLowerCase(Locale.ROOT);
        return sessionStore.sessions(in.caller().id()).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED
                        && (s.id().equals(id) || s.shortId().equals(id)))
                .findFirst()
                .orElseThrow(() -> new Refusal("session.unknown", shortId));
    }

    Optional<Session> session(Invocation in, String id) {
        return sessionStore
                .session(in.caller().id().workspace(), id)
                .filter(s -> s.involves(in.caller().id()));
    }
}

package io.tandem.sessions;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.PublicUrl;
import io.tandem.engine.Reply;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairActions;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Telling people about their sessions: the other participant of a booking, move or cancellation, the reminder
 * before a session and the nudge to a pair that stopped meeting; each in the reader's language and timezone.
 */
@Component
public class SessionNotices {

    private final Profiles profiles;
    private final Notifier notifier;
    private final PublicUrl publicUrl;

    SessionNotices(Profiles profiles, Notifier notifier, PublicUrl publicUrl) {
        this.profiles = profiles;
        this.notifier = notifier;
        this.publicUrl = publicUrl;
    }

    /** Tells the other participant, in their language and timezone, with the calendar link. */
    void tell(Session session, MemberId actor, NotificationKind kind, String key) {
        MemberId to = session.otherThan(actor);
        Optional<Profile> recipient = profiles.find(to);
        String actorName = profiles.find(actor).map(Profile::name).orElse("?");
        Messages m = Messages.of(recipient.map(Profile::effectiveLanguage).orElse(Language.EN));
        ZoneId zone = recipient.map(Profile::zone).orElse(ZoneOffset.UTC);
        // a cancelled session's link serves the cancellation, which takes it out of their calendar
        String calendar =
                session.status() == Session.Status.CANCELLED ? "session.calendar.cancelled" : "session.calendar";
        Reply message = Reply.builder()
                .text(m.get(key, actorName, when(session, zone == null ? ZoneOffset.UTC : zone, m)))
                .block(new Block.Section(session.topic(), m.get(calendar, calendarUrl(session)), List.of(), List.of()))
                .build();
        notifier.send(Notification.of(to, kind, m, message).about(session.organizer(), session.other()));
    }

    String calendarUrl(Session session) {
        return publicUrl.at("/calendar/" + session.token() + ".ics");
    }

    /** A session reminder for one of its two members, in their language and timezone. */
    public Reply reminder(Session s, Profile member, Messages m) {
        String with = profiles.find(s.otherThan(member.id())).map(Profile::name).orElse("?");
        Reply.Builder reply = Reply.builder().text(m.get("session.reminder", with, when(s, member.zone(), m)));
        reply.block(new Block.Section(
                null,
                s.topic(),
                List.of(new Block.Field(m.get("session.field.id"), s.shortId())),
                List.of(new Block.Button(
                        ChangingSession.CANCEL,
                        m.get("button.cancel-session"),
                        ActionValue.of("session", s.id()),
                        Block.ButtonStyle.DANGER))));
        reply.section(null, m.get("session.calendar", calendarUrl(s)));
        return reply.build();
    }

    /** For a pair that stopped meeting: plan the next session (with the Schedule button). */
    public Reply inactive(Pair pair, Profile member, long days, Messages m) {
        MemberId otherId = pair.mentor().equals(member.id()) ? pair.mentee() : pair.mentor();
        String with = profiles.find(otherId).map(Profile::name).orElse("?");
        return Reply.builder()
                .text(m.get("session.inactive", with, days))
                .block(new Block.Section(null, null, List.of(), List.of(PairActions.scheduleButton(pair, m))))
                .build();
    }

    static String when(Session s, ZoneId zone, Messages m) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                m.get("session.time-format"), m.language().locale());
        ZonedDateTime local = s.start().atZone(zone);
        return format.format(local) + " (" + zone.getId() + ", " + minutes(s.duration()) + ")";
    }

    private static String minutes(Duration d) {
        long h = d.toHours();
        long min = d.toMinutesPart();
        return h == 0 ? min + " min" : min == 0 ? h + " h" : h + " h " + min;
    }
}

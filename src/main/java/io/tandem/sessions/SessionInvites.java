package io.tandem.sessions;

import io.tandem.engine.MemberId;
import io.tandem.profiles.MemberEmails;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A session as its calendar invite: organized by whoever last planned, moved or cancelled it, both members as
 * attendees at the email Tandem knows for them (Slack profile, roster), asked to reply only when a reply can arrive.
 */
@Component
public class SessionInvites {

    private final ProfileStore profiles;
    private final MemberEmails emails;
    private final Clock clock;

    public SessionInvites(ProfileStore profiles, MemberEmails emails, Clock clock) {
        this.profiles = profiles;
        this.emails = emails;
        this.clock = clock;
    }

    /** The {@code .ics} text of the session: a request while it stands, a cancellation once cancelled. */
    public String render(Session session) {
        MemberId by = session.lastChangedBy();
        MemberId with = session.otherThan(by);
        CalendarInvite.Attendee organizer = attendee(by, true);
        CalendarInvite.Attendee other = attendee(with, false);
        // the summary keeps the pair's order whoever changed it last, so the calendar entry keeps its name
        String summary = "Tandem: " + name(session.organizer()) + " & " + name(session.other());
        CalendarInvite.Event event = new CalendarInvite.Event(
                "session-" + session.id() + "@tandem",
                session.sequence(),
                session.start(),
                session.end(),
                clock.instant(),
                summary,
                session.topic() == null ? "Reverse mentoring session" : session.topic(),
                organizer,
                List.of(organizer, other),
                null);
        return CalendarInvite.render(
                event,
                session.status() == Session.Status.CANCELLED
                        ? CalendarInvite.Method.CANCEL
                        : CalendarInvite.Method.REQUEST);
    }

    private CalendarInvite.Attendee attendee(MemberId member, boolean organizer) {
        String email = emails.of(member).filter(SessionInvites::plausible).orElse(null);
        return new CalendarInvite.Attendee(name(member), email, organizer);
    }

    private String name(MemberId id) {
        return profiles.find(id).map(Profile::name).orElse(id.user());
    }

    /** An address the invite can carry as it is (anything else is left out rather than refused). */
    private static boolean plausible(String email) {
        return email.indexOf('@') > 0
                && email.chars()
                        .noneMatch(c -> Character.isWhitespace(c)
                                || Character.isISOControl(c)
                                || c == '"'
                                || c == '<'
                                || c == '>');
    }
}

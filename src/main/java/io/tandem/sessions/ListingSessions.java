package io.tandem.sessions;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Listing my upcoming sessions ({@code /mentor sessions}), each shown in my timezone and with its Cancel button. */
@Component
class ListingSessions {

    private final Profiles profiles;
    private final SessionStore sessionStore;
    private final SessionNotices notices;
    private final Clock clock;

    ListingSessions(Profiles profiles, SessionStore sessionStore, SessionNotices notices, Clock clock) {
        this.profiles = profiles;
        this.sessionStore = sessionStore;
        this.notices = notices;
        this.clock = clock;
    }

    /** {@code /mentor sessions}: my upcoming sessions, in my timezone, with a Cancel button each. */
    Reply list(Invocation in) {
        Messages m = in.messages();
        List<Session> upcoming = sessionStore.sessions(in.caller().id()).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED && s.end().isAfter(clock.instant()))
                .toList();
        if (upcoming.isEmpty()) {
            return Reply.text(m.get("session.none"));
        }
        Reply.Builder reply = Reply.builder().text(m.get("session.list.heading"));
        for (Session s : upcoming) {
            String with = profiles.find(s.otherThan(in.caller().id()))
                    .map(Profile::name)
                    .orElse("?");
            reply.block(new Block.Section(
                    SessionNotices.when(s, in.caller().zone(), m) + " · " + with,
                    s.topic(),
                    List.of(
                            new Block.Field(m.get("session.field.id"), s.shortId()),
                            new Block.Field(m.get("session.field.calendar"), notices.calendarUrl(s))),
                    List.of(new Block.Button(
                            ChangingSession.CANCEL,
                            m.get("button.cancel-session"),
                            ActionValue.of("session", s.id()),
                            Block.ButtonStyle.DANGER))));
        }
        return reply.build();
    }
}

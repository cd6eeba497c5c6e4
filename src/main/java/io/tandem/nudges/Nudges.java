package io.tandem.nudges;

import io.tandem.config.TandemProperties;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.pairing.Pair;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import io.tandem.programme.ProgrammeSettings;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts nudges on the schedule, in each recipient's working hours: a session's reminders (moved earlier, to the
 * end of the previous working period, when they would fall outside it) and its check-in prompts (moved later);
 * and, through {@link #politely}, whatever the timed work sends.
 */
@Component
public class Nudges implements SessionEvents {

    private final NudgeStore store;
    private final Profiles profiles;
    private final Clock clock;
    private final TandemProperties.Nudges settings;
    private final ProgrammeSettings programme;

    public Nudges(
            NudgeStore store,
            Profiles profiles,
            Clock clock,
            TandemProperties properties,
            ProgrammeSettings programme) {
        this.store = store;
        this.profiles = profiles;
        this.clock = clock;
        this.settings = properties.nudges();
        this.programme = programme;
        // a configuration that cannot work fails at start-up, with the reason
        new WorkingHours(settings.workdayStart(), settings.workdayEnd(), settings.workingDays());
    }

    /** A workspace's working hours: a lead's settings, else the configured ones. */
    WorkingHours hours(String workspace) {
        ProgrammeSettings.Workday day = programme.workday(workspace);
        return new WorkingHours(day.start(), day.end(), day.days());
    }

    static String reminderId(Session s, Duration offset, MemberId member) {
        return "reminder:" + s.id() + ":" + offset.toMinutes() + ":" + member.user();
    }

    static String checkInId(Session s, MemberId member) {
        return "checkin:" + s.id() + ":" + member.user();
    }

    /** A session was scheduled, moved or cancelled: its nudges are replaced (or removed). */
    @Override
    public void changed(Session session) {
        String ws = session.organizer().workspace();
        Set<Duration> offsets = new HashSet<>(settings.reminders());
        offsets.addAll(programme.reminders(ws));
        for (MemberId member : List.of(session.organizer(), session.other())) {
            for (Duration offset : offsets) {
                store.remove(ws, reminderId(session, offset, member));
            }
            store.remove(ws, checkInId(session, member));
        }
        if (session.status() != Session.Status.SCHEDULED) {
            return;
        }
        Instant now = clock.instant();
        WorkingHours hours = hours(ws);
        List<Duration> reminders = programme.reminders(ws);
        for (MemberId member : List.of(session.organizer(), session.other())) {
            ZoneId zone = zone(member);
            List<Instant> kept = new ArrayList<>();
            // the reminder closest to the session first; a longer one landing on the same moment is dropped
            for (Duration offset : reminders.stream().sorted().toList()) {
                Instant at = session.start().minus(offset);
                if (at.isBefore(now)) {
                    continue; // booked later than this reminder would have gone
                }
                Instant due = hours.latestUntil(at, zone);
                if (due.isBefore(now)) {
                    due = now;
                }
                Instant chosen = due;
                if (kept.stream().anyMatch(k -> !chosen.isBefore(k))) {
                    continue;
                }
                kept.add(chosen);
                store.put(new Nudge(
                        reminderId(session, offset, member),
                        member,
                        Nudge.Kind.REMINDER,
                        chosen,
                        session.id(),
                        null,
                        session.start()));
            }
            Instant checkIn = hours.earliestFrom(session.end().plus(settings.checkInAfter()), zone);
            store.put(new Nudge(
                    checkInId(session, member), member, Nudge.Kind.CHECKIN, checkIn, session.id(), null, null));
        }
    }

    /**
     * A notifier for timed work: each notification becomes a nudge due at {@code due} (or the next working
     * moment of its recipient after it), not worth sending after {@code staleAfter} (null: always).
     */
    public Notifier politely(Nudge.Kind kind, Instant due, Instant staleAfter) {
        return n -> store.put(nudge(kind, n, due, staleAfter));
    }

    /** A notifier for timed work due now (in working hours). */
    public Notifier politely(Nudge.Kind kind) {
        return politely(kind, clock.instant(), null);
    }

    /**
     * A notifier for the {@link Nudge.Kind#FIRST_SESSION} nudges of {@code pair}: each notification becomes its
     * recipient's one nudge about the pair (scheduling it again replaces it), due at {@code due} or their next
     * working moment after it. It is dropped when it falls due if the pair has ended or paused, or planned a
     * session, meanwhile.
     */
    public Notifier firstSession(Pair pair, Instant due) {
        return n -> store.put(new Nudge(
                "first_session:" + pair.id() + ":" + n.recipient().user(),
                n.recipient(),
                Nudge.Kind.FIRST_SESSION,
                hours(n.recipient().workspace()).earliestFrom(due, zone(n.recipient())),
                pair.id(),
                n.relabelled(Nudge.Kind.FIRST_SESSION.notificationKind()),
                null));
    }

    private Nudge nudge(Nudge.Kind kind, Notification n, Instant due, Instant staleAfter) {
        Notification relabelled = n.relabelled(kind.notificationKind());
        Instant at = n.recipient().isChannel()
                ? due
                : hours(n.recipient().workspace()).earliestFrom(due, zone(n.recipient()));
        return new Nudge(
                kind.name().toLowerCase(Locale.ROOT) + ":" + UUID.randomUUID(),
                n.recipient(),
                kind,
                at,
                null,
                relabelled,
                staleAfter);
    }

    /**
     * As {@link #politely(Nudge.Kind, Instant, Instant)}, due on {@code date} at {@code time} in each recipient's
     * own timezone.
     */
    public Notifier politelyOn(Nudge.Kind kind, LocalDate date, LocalTime time, Instant staleAfter) {
        return n -> store.put(
                nudge(kind, n, ZonedDateTime.of(date, time, zone(n.recipient())).toInstant(), staleAfter));
    }

    /** Both members of a pair that stopped meeting are asked to plan their next session. */
    void inactive(Pair pair, Instant now) {
        for (MemberId member : List.of(pair.mentor(), pair.mentee())) {
            store.put(new Nudge(
                    "inactive:" + pair.id() + ":" + member.user(),
                    member,
                    Nudge.Kind.INACTIVE,
                    hours(member.workspace()).earliestFrom(now, zone(member)),
                    pair.id(),
                    null,
                    null));
        }
    }

    ZoneId zone(MemberId member) {
        return member.isChannel()
                ? ZoneOffset.UTC
                : profiles.find(member).map(Profile::zone).orElse(ZoneOffset.UTC);
    }

    Optional<Profile> profile(MemberId member) {
        return profiles.find(member);
    }
}

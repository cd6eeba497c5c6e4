package io.tandem.nudges;

import io.tandem.config.TandemProperties;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.sessions.CheckIns;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionNotices;
import io.tandem.sessions.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the nudges that fell due: claims them (leased, so two instances never take the same one), checks each is
 * still worth sending (the member is not paused, unless it is a lead's invitation, and did not turn the kind off;
 * the session still stands and has not started; it is the member's working hours), writes it in their language,
 * and hands it over to delivery in one step with its removal. A nudge whose instance died mid-way is claimed
 * again when its lease ends.
 */
@Component
public class NudgeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NudgeDispatcher.class);
    static final int BATCH = 100;
    /** How late a nudge may go out and still count as sent at its time. */
    static final Duration LATE = Duration.ofMinutes(15);

    private final NudgeStore store;
    private final Nudges nudges;
    private final NudgePreferences preferences;
    private final PairStore pairStore;
    private final SessionStore sessionStore;
    private final SessionNotices notices;
    private final CheckIns checkIns;
    private final Clock clock;
    private final TandemProperties.Nudges settings;

    public NudgeDispatcher(
            NudgeStore store,
            Nudges nudges,
            NudgePreferences preferences,
            PairStore pairStore,
            SessionStore sessionStore,
            SessionNotices notices,
            CheckIns checkIns,
            Clock clock,
            TandemProperties properties) {
        this.store = store;
        this.nudges = nudges;
        this.preferences = preferences;
        this.pairStore = pairStore;
        this.sessionStore = sessionStore;
        this.notices = notices;
        this.checkIns = checkIns;
        this.clock = clock;
        this.settings = properties.nudges();
    }

    /** Sends everything due now; returns how many were handed over to delivery. */
    public int runDue() {
        int sent = 0;
        List<Nudge> batch;
        do {
            batch = store.claim(clock.instant(), settings.lease(), BATCH);
            for (Nudge nudge : batch) {
                try {
                    if (fire(nudge)) {
                        sent++;
                    }
                } catch (StoreUnavailableException e) {
                    throw e; // the lease brings it back once Redis does
                } catch (RuntimeException e) {
                    log.error("Could not send the {} nudge {}; skipped", nudge.kind(), nudge.id(), e);
                    store.skip(nudge, "error: " + e.getClass().getSimpleName());
                }
            }
        } while (batch.size() == BATCH);
        return sent;
    }

    private boolean fire(Nudge nudge) {
        Instant now = clock.instant();
        if (nudge.staleAfter() != null && !now.isBefore(nudge.staleAfter())) {
            store.skip(
                    nudge,
                    nudge.kind() == Nudge.Kind.REMINDER ? "the session had already started" : "no longer relevant");
            return false;
        }
        if (nudge.recipient().isChannel()) {
            return store.handOver(nudge, nudge.message());
        }
        Optional<Profile> found = nudges.profile(nudge.recipient());
        if (found.isEmpty()) {
            store.skip(nudge, "no longer a member");
            return false;
        }
        Profile member = found.get();
        if (member.paused() && !nudge.kind().reachesPaused()) {
            store.skip(nudge, "member paused");
            return false;
        }
        Optional<String> category = nudge.kind().category();
        if (category.isPresent() && preferences.off(member.id()).contains(category.get())) {
            store.skip(nudge, "member turned off " + category.get());
            return false;
        }
        // a member a roster added without a timezone is on UTC, as when their nudges were timed
        ZoneId zone = member.zone() == null ? ZoneOffset.UTC : member.zone();
        // a nudge is timed for its member's working hours; sent a little late (the poll, a busy instance) it is
        // judged by its own time, sent much later (Tandem was down) by the time it is now
        Instant judged = now.isBefore(nudge.due().plus(LATE)) ? nudge.due() : now;
        WorkingHours hours = nudges.hours(nudge.workspace());
        if (!hours.allows(judged, zone)) {
            // fell due while Tandem was down, or outside the member's hours: the next working moment, if still useful
            Instant next = hours.earliestFrom(now, zone);
            if (nudge.staleAfter() != null && !next.isBefore(nudge.staleAfter())) {
                store.skip(nudge, "outside working hours until the session");
            } else {
                store.postpone(nudge, next);
            }
            return false;
        }
        Messages m = Messages.of(member.effectiveLanguage());
        Optional<Notification> message = switch (nudge.kind()) {
            case REMINDER ->
                session(nudge)
                        .map(s -> written(nudge, member, m, notices.reminder(s, member, m), s.otherThan(member.id())));
            case CHECKIN ->
                session(nudge)
                        .filter(s -> sessionStore
                                .checkIn(s.organizer().workspace(), s.id(), member.id())
                                .isEmpty())
                        .map(s -> written(
                                nudge, member, m, checkIns.prompt(s, member.id(), m), s.otherThan(member.id())));
            case INACTIVE ->
                pairStore
                        .pair(nudge.workspace(), nudge.subject())
                        .filter(p -> p.status() == Pair.Status.ACTIVE)
                        .map(p -> written(
                                nudge,
                                member,
                                m,
                                notices.inactive(
                                        p, member, settings.inactiveAfter().toDays(), m),
                                p.other(member.id())));
            case FIRST_SESSION ->
                pairStore
                        .pair(nudge.workspace(), nudge.subject())
                        .filter(p -> p.status() == Pair.Status.ACTIVE && !planned(p))
                        .map(p -> nudge.message());
            default -> Optional.ofNullable(nudge.message());
        };
        if (message.isEmpty()) {
            store.skip(
                    nudge,
                    switch (nudge.kind()) {
                        case REMINDER -> "session cancelled";
                        case CHECKIN -> "session cancelled or already checked in";
                        case INACTIVE -> "pair ended or paused";
                        case FIRST_SESSION -> "pair ended or paused, or planned a session";
                        default -> "nothing to send";
                    });
            return false;
        }
        Notification n = message.get();
        return store.handOver(nudge, n);
    }

    /** A nudge written as it goes out, showing the other member of its session or pair. */
    private static Notification written(Nudge nudge, Profile member, Messages m, Reply message, MemberId other) {
        NotificationKind kind = switch (nudge.kind()) {
            case REMINDER -> NotificationKind.SESSION_REMINDER;
            case CHECKIN -> NotificationKind.CHECKIN;
            default -> NotificationKind.PAIR_INACTIVE;
        };
        return Notification.of(member.id(), kind, m, message)
                .relabelled(nudge.kind().notificationKind())
                .about(other);
    }

    /** Whether the pair has a session, held or to come (a cancelled one does not count). */
    private boolean planned(Pair pair) {
        return sessionStore.sessions(pair.mentor()).stream()
                .anyMatch(s -> pair.id().equals(s.pairId()) && s.status() == Session.Status.SCHEDULED);
    }

    /** The nudge's session, if it still stands and its pair has not ended. */
    private Optional<Session> session(Nudge nudge) {
        return sessionStore
                .session(nudge.workspace(), nudge.subject())
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .filter(s -> pairStore
                        .pair(nudge.workspace(), s.pairId())
                        .map(p -> p.status() != Pair.Status.ENDED)
                        .orElse(true));
    }
}

package io.tandem.nudges;

import io.tandem.config.TandemProperties;
import io.tandem.engine.Once;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.Requests;
import io.tandem.profiles.ProfileStore;
import io.tandem.programme.ProgrammeSettings;
import io.tandem.qa.EscalatingQuestions;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.skills.SkillCatalog;
import io.tandem.tips.Tips;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The periodic work, for every workspace: request expiry and question escalation (each sweep), inactive pairs
 * and the other packages' {@link DailySweep}s (daily), the tip of the week and the leads' digest (weekly, timed
 * for each recipient's own morning). Each piece runs on one instance only, whichever claims it first in Redis;
 * what it sends goes through the nudges, so it reaches people in their working hours and once.
 */
@Component
public class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);
    private static final Duration WEEK_IS_STALE_AFTER = Duration.ofDays(3);

    private final ProfileStore profiles;
    private final PairStore pairStore;
    private final SessionStore sessionStore;
    private final Requests requests;
    private final EscalatingQuestions questions;
    private final Tips tips;
    private final SkillCatalog catalog;
    private final Nudges nudges;
    private final Digest digest;
    private final Once once;
    private final Clock clock;
    private final TandemProperties.Nudges settings;
    private final ProgrammeSettings programme;
    private final List<DailySweep> daily;

    public Sweeps(
            ProfileStore profiles,
            PairStore pairStore,
            SessionStore sessionStore,
            Requests requests,
            EscalatingQuestions questions,
            Tips tips,
            SkillCatalog catalog,
            Nudges nudges,
            Digest digest,
            Once once,
            Clock clock,
            TandemProperties properties,
            ProgrammeSettings programme,
            List<DailySweep> daily) {
        this.programme = programme;
        this.daily = List.copyOf(daily);
        this.profiles = profiles;
        this.pairStore = pairStore;
        this.sessionStore = sessionStore;
        this.requests = requests;
        this.questions = questions;
        this.tips = tips;
        this.catalog = catalog;
        this.nudges = nudges;
        this.digest = digest;
        this.once = once;
        this.clock = clock;
        this.settings = properties.nudges();
    }

    /** Runs whatever is due in every workspace. */
    public void run() {
        for (String ws : profiles.workspaces()) {
            try {
                run(ws);
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("The timed work of workspace {} failed; it runs again at the next sweep", ws, e);
            }
        }
    }

    void run(String ws) {
        Instant now = clock.instant();
        long bucket = now.toEpochMilli() / Math.max(1, settings.sweepInterval().toMillis());
        if (once.first("sweep:" + ws + ":" + bucket, settings.sweepInterval().multipliedBy(4))) {
            requests.expireDue(ws, nudges.politely(Nudge.Kind.NOTICE));
            questions.escalateDue(ws, nudges.politely(Nudge.Kind.NOTICE));
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (once.first("inactive:" + ws + ":" + today, Duration.ofDays(3))) {
            inactivePairs(ws, now);
            for (DailySweep work : daily) {
                try {
                    work.run(ws, now);
                } catch (StoreUnavailableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.error(
                            "The daily work {} of workspace {} failed",
                            work.getClass().getSimpleName(),
                            ws,
                            e);
                }
            }
            programme.noteRetention(ws).ifPresent(keep -> {
                int cleared = sessionStore.clearNotesBefore(ws, now.minus(keep));
                if (cleared > 0) {
                    log.info("Deleted {} check-in notes older than {} in workspace {}", cleared, keep, ws);
                }
            });
        }
        // this week's day for tips, chosen the day before it starts anywhere (UTC+14 is ahead of everyone)
        LocalDate week = today.plusDays(1).with(TemporalAdjusters.previousOrSame(programme.tipDay(ws)));
        Instant stale =
                week.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(WEEK_IS_STALE_AFTER);
        if (once.first("tips:" + ws + ":" + week, Duration.ofDays(14))) {
            int sent = tips.sendWeek(
                    ws,
                    List.copyOf(catalog.all()),
                    nudges.politelyOn(Nudge.Kind.TIP, week, programme.tipTime(ws), stale));
            log.info("Tips of the week of {} for workspace {}: {} scheduled", week, ws, sent);
        }
        if (once.first("digest:" + ws + ":" + week, Duration.ofDays(14))) {
            digest.send(ws, nudges.politelyOn(Nudge.Kind.DIGEST, week, programme.workdayStart(ws), stale));
        }
    }

    /** Pairs with no session for {@code inactive-after} and none planned: both are asked to plan the next. */
    private void inactivePairs(String ws, Instant now) {
        for (Pair pair : pairStore.activePairs(ws)) {
            List<Session> held = sessionStore.sessions(pair.mentor()).stream()
                    .filter(s -> pair.id().equals(s.pairId()) && s.status() == Session.Status.SCHEDULED)
                    .toList();
            if (held.stream().anyMatch(s -> s.start().isAfter(now))) {
                continue;
            }
            Instant last = held.stream()
                    .map(Session::start)
                    .max(Instant::compareTo)
                    .orElse(pair.createdAt() == null ? now : pair.createdAt());
            Duration idle = Duration.between(last, now);
            if (idle.compareTo(settings.inactiveAfter()) < 0) {
                continue;
            }
            long period = idle.toMillis() / Math.max(1, settings.inactiveAfter().toMillis());
            if (once.first(
                    "inactive:" + ws + ":" + pair.id() + ":" + last.toEpochMilli() + ":" + period,
                    settings.inactiveAfter().multipliedBy(2))) {
                nudges.inactive(pair, now);
            }
        }
    }
}

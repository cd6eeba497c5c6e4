package io.tandem.campaigns;

import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Once;
import io.tandem.engine.Reply;
import io.tandem.nudges.DailySweep;
import io.tandem.nudges.Nudges;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairActions;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Each day: a pair a programme formed that has held no session and has none planned, 7 days after it was formed,
 * is nudged: both members are asked, once, in their working hours and their language, to plan their first session,
 * naming the programme, with the Schedule button of the introduction. A pair whose 7th day passed more than
 * {@link #WINDOW} ago is left to the inactive-pair nudge (and nudged once at most here, whatever happens).
 *
 * <p>The pairs of a closed programme (or one past its end date) are nudged too: closing a programme stops it taking
 * people and rounds, its pairs go on. A paused or ended pair is not nudged, nor one that plans a session before the
 * nudge falls due (the nudge is dropped then).
 */
@Component
class ProgrammeNudges implements DailySweep {

    /** How long after it was formed a pair that has not met is nudged. */
    static final Duration AFTER = Duration.ofDays(7);
    /** How late the sweep may still nudge a pair whose 7th day passed (Tandem was down, say). */
    static final Duration WINDOW = Duration.ofDays(7);
    /** How long the sweeps remember a pair was nudged: well beyond the window, so never twice. */
    private static final Duration REMEMBERED = Duration.ofDays(60);

    private final CampaignStore store;
    private final Funnel funnel;
    private final ProfileStore profiles;
    private final Nudges nudges;
    private final Once once;

    ProgrammeNudges(CampaignStore store, Funnel funnel, ProfileStore profiles, Nudges nudges, Once once) {
        this.store = store;
        this.funnel = funnel;
        this.profiles = profiles;
        this.nudges = nudges;
        this.once = once;
    }

    @Override
    public void run(String workspace, Instant now) {
        // the sweep runs once a UTC day: a pair whose 7th day falls later today is nudged at that moment
        Instant endOfDay = now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        for (Campaign campaign : store.all(workspace)) {
            for (Pair pair : funnel.pairs(campaign)) {
                if (pair.status() != Pair.Status.ACTIVE || pair.createdAt() == null) {
                    continue;
                }
                Instant due = pair.createdAt().plus(AFTER);
                if (due.isAfter(endOfDay) || due.isBefore(now.minus(WINDOW))) {
                    continue;
                }
                if (!funnel.sessions(pair).isEmpty()) {
                    continue;
                }
                if (once.first("programme-first-session:" + workspace + ":" + pair.id(), REMEMBERED)) {
                    nudge(campaign, pair, due.isAfter(now) ? due : now);
                }
            }
        }
    }

    private void nudge(Campaign campaign, Pair pair, Instant due) {
        Map<MemberId, Profile> people = profiles.findAll(List.of(pair.mentor(), pair.mentee()));
        Profile mentor = people.get(pair.mentor());
        Profile mentee = people.get(pair.mentee());
        if (mentor == null || mentee == null) {
            return; // one of them was erased: there is no one to meet
        }
        Notifier via = nudges.firstSession(pair, due);
        via.send(message(campaign, pair, mentor, mentee));
        via.send(message(campaign, pair, mentee, mentor));
    }

    private static Notification message(Campaign campaign, Pair pair, Profile to, Profile other) {
        Messages theirs = Messages.of(to.effectiveLanguage());
        Reply reply = Reply.builder()
                .text(theirs.get("programme.first-session", campaign.name(), other.label()))
                .block(new Block.Section(null, null, List.of(), List.of(PairActions.scheduleButton(pair, theirs))))
                .build();
        return Notification.of(to.id(), NotificationKind.PROGRAMME_PAIR, theirs, reply)
                .about(other.id());
    }
}

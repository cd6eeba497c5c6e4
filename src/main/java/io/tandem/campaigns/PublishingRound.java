package io.tandem.campaigns;

import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.matching.PoolMatching;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairActions;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Publishing the round a lead reviewed: each proposed pair is formed, as if the learner had asked and the mentor
 * accepted (one atomic step that takes the mentor's place, so capacity holds), and both are introduced, in their
 * language, with a Schedule button. A round is published once: the first lead or instance to publish it wins, the
 * others are told it is done. A pair that formed meanwhile, or a mentor whose places went meanwhile, is skipped
 * and named to the lead. The learners the round left over are told why, and what they can do meanwhile.
 */
@Component
class PublishingRound {

    private final CampaignStore store;
    private final ProfileStore profiles;
    private final RequestStore requests;
    private final PairStore pairs;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;

    PublishingRound(
            CampaignStore store,
            ProfileStore profiles,
            RequestStore requests,
            PairStore pairs,
            ProfileView view,
            Notifier notifier,
            Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.requests = requests;
        this.pairs = pairs;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
    }

    Reply publish(Invocation in, Campaign campaign) {
        CampaignStore.ProposedRound round = store.proposed(campaign.workspace(), campaign.name())
                .orElseThrow(() -> new Refusal("programme.publish.no-round", campaign.name()));
        if (!store.claimPublication(campaign.workspace(), campaign.name(), round.number())) {
            throw new Refusal("programme.publish.done", campaign.name());
        }
        Set<PoolMatching.Candidate> proposed = new LinkedHashSet<>(round.pairs());
        Map<MemberId, Profile> people = profiles.findAll(proposed.stream()
                .flatMap(c -> Stream.of(c.learner(), c.mentor()))
                .toList());
        List<String> formed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PoolMatching.Candidate c : proposed) {
            Profile learner = people.get(c.learner());
            Profile mentor = people.get(c.mentor());
            if (learner == null || mentor == null) {
                continue; // erased since the review: nothing of theirs is formed
            }
            if (pairs.pairs(learner.id()).stream()
                    .anyMatch(p -> p.open() && p.other(learner.id()).equals(mentor.id()))) {
                skipped.add(in.t("programme.publish.skipped.paired", learner.label(), mentor.label()));
                continue;
            }
            String pairId = form(campaign, learner, mentor, c.skill());
            if (pairId != null) {
                formed.add(pairId);
            } else {
                skipped.add(in.t("programme.publish.skipped.full", learner.label(), mentor.label()));
            }
        }
        store.addPairs(campaign.workspace(), campaign.name(), formed);
        Reply.Builder reply =
                Reply.builder().text(in.t("programme.published", campaign.name(), formed.size(), proposed.size()));
        if (!skipped.isEmpty()) {
            reply.items(in.t("programme.publish.skipped"), skipped);
        }
        int told = tellLeftOver(campaign, round.unmatched());
        if (told > 0) {
            reply.section(null, in.t("programme.publish.told", told));
        }
        return reply.build();
    }

    /** Each learner the round left over is told why, and what they can do meanwhile; returns how many. */
    private int tellLeftOver(Campaign campaign, List<CampaignStore.Unmatched> unmatched) {
        Map<MemberId, Profile> learners = profiles.findAll(
                unmatched.stream().map(CampaignStore.Unmatched::learner).toList());
        int told = 0;
        for (CampaignStore.Unmatched u : unmatched) {
            Profile learner = learners.get(u.learner());
            if (learner == null) {
                continue; // erased since the review
            }
            Messages theirs = Messages.of(learner.effectiveLanguage());
            Reply message = Reply.text(theirs.get(
                    "programme.left-over." + u.why().name().toLowerCase(java.util.Locale.ROOT), campaign.name()));
            notifier.send(Notification.of(learner.id(), NotificationKind.PROGRAMME_LEFT_OVER, theirs, message));
            told++;
        }
        return told;
    }

    /** Forms the pair in the one atomic step of an accepted request, and introduces the two; null if full. */
    private String form(Campaign campaign, Profile learner, Profile mentor, String skill) {
        Instant now = clock.instant();
        MentoringRequest request = new MentoringRequest(
                UUID.randomUUID().toString(),
                learner.id(),
                mentor.id(),
                skill,
                null,
                MentoringRequest.Status.PENDING,
                now,
                null,
                null);
        Pair pair = Pair.formed(mentor, learner, skill, now);
        requests.save(request);
        RequestStore.Acceptance done =
                requests.accept(request.answered(MentoringRequest.Status.ACCEPTED, now, null), pair);
        if (done != RequestStore.Acceptance.ACCEPTED) {
            requests.answer(request.answered(MentoringRequest.Status.DECLINED, now, null));
            return null;
        }
        introduce(campaign, pair, learner, mentor, "programme.intro.learner", skill);
        introduce(campaign, pair, mentor, learner, "programme.intro.mentor", skill);
        return pair.id();
    }

    private void introduce(Campaign campaign, Pair pair, Profile to, Profile other, String key, String skill) {
        Messages theirs = Messages.of(to.effectiveLanguage());
        Reply intro = Reply.builder()
                .text(theirs.get(key, campaign.name(), other.label(), view.skill(skill, theirs.language())))
                .block(new Block.Section(
                        null, theirs.get("request.next"), List.of(), List.of(PairActions.scheduleButton(pair, theirs))))
                .build();
        notifier.send(Notification.of(to.id(), NotificationKind.PROGRAMME_PAIR, theirs, intro)
                .about(other.id()));
    }
}

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
import io.tandem.pairing.PairExtras;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Publishing the round a lead reviewed: each proposed pair is formed, as if the learner had asked and the mentor
 * accepted (one atomic step that takes the mentor's place, so capacity holds), and both are introduced, in their
 * language, with a Schedule button. Pairs are formed and introduced a batch at a time, each batch in a few round
 * trips to the store, so that the first introductions are on their way while the rest are formed. A round is
 * published once: the first lead or instance to publish it wins, the others are told it is done. A pair that
 * formed meanwhile, or a mentor whose places went meanwhile, is skipped and named to the lead. The learners the
 * round left over are told why, and what they can do meanwhile.
 */
@Component
class PublishingRound {

    /** Pairs formed, and introductions handed to the delivery queue, per batch. */
    private static final int BATCH = 100;
    /**
     * How long a publication's claim lasts without news from its publisher (it is extended after each batch): if
     * its instance stops part way, a lead publishing again after that finishes it.
     */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private final CampaignStore store;
    private final ProfileStore profiles;
    private final RequestStore requests;
    private final PairStore pairs;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;

    private final List<PairExtras> extras;

    PublishingRound(
            CampaignStore store,
            ProfileStore profiles,
            RequestStore requests,
            PairStore pairs,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            List<PairExtras> extras) {
        this.extras = List.copyOf(extras);
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
        Instant now = clock.instant();
        CampaignStore.Publication claim =
                store.claimPublication(campaign.workspace(), campaign.name(), round.number(), now, now.plus(CLAIM));
        switch (claim) {
            case DONE -> throw new Refusal("programme.publish.done", campaign.name());
            case UNDER_WAY -> throw new Refusal("programme.publish.under-way", campaign.name());
            default -> {
                // FIRST or RESUMED: publish
            }
        }
        List<PoolMatching.Candidate> proposed = List.copyOf(new LinkedHashSet<>(round.pairs()));
        Map<MemberId, Profile> people = profiles.findAll(proposed.stream()
                .flatMap(c -> Stream.of(c.learner(), c.mentor()))
                .toList());
        Formed formed = claim == CampaignStore.Publication.RESUMED
                ? new Formed(new HashSet<>(store.pairs(campaign.workspace(), campaign.name())))
                : new Formed(null);
        for (int from = 0; from < proposed.size(); from += BATCH) {
            List<String> ids =
                    form(in, campaign, proposed.subList(from, Math.min(proposed.size(), from + BATCH)), people, formed);
            store.addPairs(campaign.workspace(), campaign.name(), ids);
            store.extendPublication(
                    campaign.workspace(),
                    campaign.name(),
                    round.number(),
                    clock.instant().plus(CLAIM));
        }
        Reply.Builder reply = Reply.builder();
        if (formed.introduced != null) {
            reply.section(null, in.t("programme.publish.resumed", campaign.name()));
        }
        reply.text(in.t("programme.published", campaign.name(), formed.count, proposed.size()));
        if (!formed.skipped.isEmpty()) {
            reply.items(in.t("programme.publish.skipped"), formed.skipped);
        }
        int told = tellLeftOver(campaign, round.unmatched());
        store.finishPublication(campaign.workspace(), campaign.name(), round.number());
        if (told > 0) {
            reply.section(null, in.t("programme.publish.told", told));
        }
        return reply.build();
    }

    /** Each learner the round left over is told why, and what they can do meanwhile; returns how many. */
    private int tellLeftOver(Campaign campaign, List<CampaignStore.Unmatched> unmatched) {
        Map<MemberId, Profile> learners = profiles.findAll(
                unmatched.stream().map(CampaignStore.Unmatched::learner).toList());
        List<Notification> told = new ArrayList<>();
        for (CampaignStore.Unmatched u : unmatched) {
            Profile learner = learners.get(u.learner());
            if (learner == null) {
                continue; // erased since the review
            }
            Messages theirs = Messages.of(learner.effectiveLanguage());
            Reply message = Reply.text(theirs.get(
                    "programme.left-over." + u.why().name().toLowerCase(java.util.Locale.ROOT), campaign.name()));
            told.add(Notification.of(learner.id(), NotificationKind.PROGRAMME_LEFT_OVER, theirs, message));
        }
        notifier.sendAll(told);
        return told.size();
    }

    /**
     * What publishing has done so far: how many pairs formed, which (learner, mentor) and what was skipped; when it
     * resumes a publication that stopped part way, the pairs that one formed and introduced (null otherwise).
     */
    private static final class Formed {
        private final Set<List<MemberId>> pairs = new HashSet<>();
        private final List<String> skipped = new ArrayList<>();
        private final Set<String> introduced;
        private int count;

        Formed(Set<String> introduced) {
            this.introduced = introduced;
        }
    }

    /**
     * Forms a batch of the round's pairs, each in the one atomic step of an accepted request (batched by the store),
     * and hands every introduction of the batch over at once; the ids of the pairs formed. A pair that formed
     * meanwhile is skipped, and so is one whose mentor has no place left (its request is declined).
     */
    private List<String> form(
            Invocation in,
            Campaign campaign,
            List<PoolMatching.Candidate> batch,
            Map<MemberId, Profile> people,
            Formed formed) {
        Map<MemberId, List<Pair>> existing = pairs.pairsOf(
                batch.stream().map(PoolMatching.Candidate::learner).toList());
        Instant now = clock.instant();
        List<RequestStore.Formation> formations = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Notification> introductions = new ArrayList<>();
        for (PoolMatching.Candidate c : batch) {
            Profile learner = people.get(c.learner());
            Profile mentor = people.get(c.mentor());
            if (learner == null || mentor == null) {
                continue; // erased since the review: nothing of theirs is formed
            }
            Optional<Pair> open = existing.getOrDefault(learner.id(), List.of()).stream()
                    .filter(p -> p.open() && p.other(learner.id()).equals(mentor.id()))
                    .findFirst();
            if (open.isPresent()
                    && formed.introduced != null
                    && !formed.pairs.contains(List.of(learner.id(), mentor.id()))) {
                // formed by the publication that stopped part way; introduced too, unless it stopped before that
                Pair pair = open.get();
                if (!formed.introduced.contains(pair.id())) {
                    ids.add(pair.id());
                    introductions.add(
                            introduction(campaign, pair, learner, mentor, "programme.intro.learner", c.skill()));
                    introductions.add(
                            introduction(campaign, pair, mentor, learner, "programme.intro.mentor", c.skill()));
                }
                formed.pairs.add(List.of(learner.id(), mentor.id()));
                formed.count++;
                continue;
            }
            if (open.isPresent() || formed.pairs.contains(List.of(learner.id(), mentor.id()))) {
                formed.skipped.add(in.t("programme.publish.skipped.paired", learner.label(), mentor.label()));
                continue;
            }
            MentoringRequest request = new MentoringRequest(
                    UUID.randomUUID().toString(),
                    learner.id(),
                    mentor.id(),
                    c.skill(),
                    null,
                    MentoringRequest.Status.PENDING,
                    now,
                    null,
                    null);
            formations.add(new RequestStore.Formation(
                    request,
                    request.answered(MentoringRequest.Status.ACCEPTED, now, null),
                    Pair.formed(mentor, learner, c.skill(), now)));
        }
        List<RequestStore.Acceptance> done = requests.saveAndAcceptAll(formations);
        for (int i = 0; i < formations.size(); i++) {
            RequestStore.Formation f = formations.get(i);
            Profile learner = people.get(f.pair().mentee());
            Profile mentor = people.get(f.pair().mentor());
            if (done.get(i) != RequestStore.Acceptance.ACCEPTED) {
                requests.answer(f.request().answered(MentoringRequest.Status.DECLINED, now, null));
                formed.skipped.add(in.t("programme.publish.skipped.full", learner.label(), mentor.label()));
                continue;
            }
            ids.add(f.pair().id());
            formed.pairs.add(List.of(learner.id(), mentor.id()));
            formed.count++;
            String skill = f.request().skill();
            introductions.add(introduction(campaign, f.pair(), learner, mentor, "programme.intro.learner", skill));
            introductions.add(introduction(campaign, f.pair(), mentor, learner, "programme.intro.mentor", skill));
        }
        notifier.sendAll(introductions);
        return ids;
    }

    private Notification introduction(
            Campaign campaign, Pair pair, Profile to, Profile other, String key, String skill) {
        Messages theirs = Messages.of(to.effectiveLanguage());
        Reply.Builder intro = Reply.builder()
                .text(theirs.get(key, campaign.name(), other.label(), view.skill(skill, theirs.language())));
        extras.forEach(extra -> extra.introduction(pair, theirs).forEach(line -> intro.section(null, line)));
        intro.block(new Block.Section(
                null, theirs.get("request.next"), List.of(), List.of(PairActions.scheduleButton(pair, theirs))));
        return Notification.of(to.id(), NotificationKind.PROGRAMME_PAIR, theirs, intro.build())
                .about(other.id());
    }
}

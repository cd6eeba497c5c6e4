package io.tandem.campaigns;

import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.stats.StatsView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin programme status <name>}: the programme's funnel for its leads, joined → matched → met (a
 * first session held) → still meeting (a session in the last 30 days, or one to come), with the share of pairs in
 * the reverse direction; any figure about fewer than 5 people shows as {@code <5}, as in {@code /stats}.
 */
@Component
class CampaignStatus {

    static final Duration STILL_MEETING = Duration.ofDays(30);

    private final CampaignStore store;
    private final PairStore pairs;
    private final SessionStore sessions;
    private final ProfileStore profiles;
    private final Clock clock;

    CampaignStatus(CampaignStore store, PairStore pairs, SessionStore sessions, ProfileStore profiles, Clock clock) {
        this.store = store;
        this.pairs = pairs;
        this.sessions = sessions;
        this.profiles = profiles;
        this.clock = clock;
    }

    Reply status(Invocation in, Campaign campaign) {
        Map<MemberId, CampaignRole> members = store.members(campaign.workspace(), campaign.name());
        long learners = members.values().stream().filter(CampaignRole::learns).count();
        long mentors = members.values().stream().filter(CampaignRole::teaches).count();
        List<Pair> formed = new ArrayList<>();
        for (String id : store.pairs(campaign.workspace(), campaign.name())) {
            pairs.pair(campaign.workspace(), id).ifPresent(formed::add);
        }
        Instant now = clock.instant();
        long met = 0;
        long meeting = 0;
        long reverse = 0;
        for (Pair pair : formed) {
            List<Session> held = sessions.sessions(pair.mentor()).stream()
                    .filter(s -> s.pairId().equals(pair.id()) && s.status() == Session.Status.SCHEDULED)
                    .toList();
            if (held.stream().anyMatch(s -> s.start().isBefore(now))) {
                met++;
            }
            if (pair.open() && held.stream().anyMatch(s -> s.start().isAfter(now.minus(STILL_MEETING)))) {
                meeting++;
            }
            Optional<Profile> mentor = profiles.find(pair.mentor());
            Optional<Profile> mentee = profiles.find(pair.mentee());
            if (mentor.isPresent()
                    && mentee.isPresent()
                    && mentor.get().seniority() != null
                    && mentee.get().seniority() != null
                    && mentor.get().seniority().rank()
                            < mentee.get().seniority().rank()) {
                reverse++;
            }
        }
        return Reply.builder()
                .text(in.t("programme.status.heading", campaign.name()))
                .section(
                        null,
                        in.t(
                                "programme.status.funnel",
                                StatsView.count(store.invited(campaign.workspace(), campaign.name())),
                                StatsView.count(members.size()),
                                StatsView.count(learners),
                                StatsView.count(mentors),
                                StatsView.count(formed.size()),
                                StatsView.count(met),
                                StatsView.count(meeting)))
                .section(
                        null,
                        in.t(
                                "programme.status.reverse",
                                StatsView.share(
                                        reverse,
                                        formed.size(),
                                        in.messages().language().locale())))
                .section(null, in.t("stats.privacy"))
                .build();
    }
}

package io.tandem.campaigns;

import io.tandem.engine.MemberId;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.Seniority;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * A programme's funnel, as its leads follow it: invited → joined → matched → met (a first session held) → still
 * meeting (a session in the last 30 days, or one to come), the pairs in the reverse direction, and the mentors who
 * gave it the most sessions. The same figures for {@code status}, {@code /stats programme} and the leads' digest.
 */
@Component
public class Funnel {

    static final Duration STILL_MEETING = Duration.ofDays(30);
    static final int CONTRIBUTORS_SHOWN = 5;

    /**
     * The figures of one programme.
     *
     * @param contributors the mentors who held the most sessions in its pairs, most first (at most 5)
     */
    public record Figures(
            long invited,
            long joined,
            long learners,
            long mentors,
            long pairs,
            long met,
            long meeting,
            long reverse,
            List<Profile> contributors) {
        public Figures {
            contributors = List.copyOf(contributors);
        }
    }

    private final CampaignStore store;
    private final PairStore pairs;
    private final SessionStore sessions;
    private final ProfileStore profiles;
    private final Clock clock;

    Funnel(CampaignStore store, PairStore pairs, SessionStore sessions, ProfileStore profiles, Clock clock) {
        this.store = store;
        this.pairs = pairs;
        this.sessions = sessions;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The pairs the programme formed that still exist (a pair whose member was erased is gone). */
    List<Pair> pairs(Campaign campaign) {
        List<Pair> formed = new ArrayList<>();
        for (String id : store.pairs(campaign.workspace(), campaign.name())) {
            pairs.pair(campaign.workspace(), id).ifPresent(formed::add);
        }
        return formed;
    }

    /** The sessions planned for the pair (held or to come), not the cancelled ones. */
    List<Session> sessions(Pair pair) {
        return sessions.sessions(pair.mentor()).stream()
                .filter(s -> s.pairId().equals(pair.id()) && s.status() == Session.Status.SCHEDULED)
                .toList();
    }

    public Figures of(Campaign campaign) {
        Map<MemberId, CampaignRole> members = store.members(campaign.workspace(), campaign.name());
        List<Pair> formed = pairs(campaign);
        Map<MemberId, Profile> people = profiles.findAll(formed.stream()
                .flatMap(p -> Stream.of(p.mentor(), p.mentee()))
                .distinct()
                .toList());
        Instant now = clock.instant();
        long met = 0;
        long meeting = 0;
        long reverse = 0;
        Map<MemberId, Long> given = new LinkedHashMap<>();
        for (Pair pair : formed) {
            List<Session> planned = sessions(pair);
            long held = planned.stream().filter(s -> s.start().isBefore(now)).count();
            if (held > 0) {
                met++;
                given.merge(pair.mentor(), held, Long::sum);
            }
            if (pair.open() && planned.stream().anyMatch(s -> s.start().isAfter(now.minus(STILL_MEETING)))) {
                meeting++;
            }
            if (Seniority.reverse(people.get(pair.mentor()), people.get(pair.mentee()))) {
                reverse++;
            }
        }
        List<Profile> contributors = given.entrySet().stream()
                .sorted(Map.Entry.<MemberId, Long>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .limit(CONTRIBUTORS_SHOWN)
                .map(e -> people.get(e.getKey()))
                .filter(Objects::nonNull)
                .toList();
        return new Figures(
                store.invited(campaign.workspace(), campaign.name()),
                members.size(),
                members.values().stream().filter(CampaignRole::learns).count(),
                members.values().stream().filter(CampaignRole::teaches).count(),
                formed.size(),
                met,
                meeting,
                reverse,
                contributors);
    }
}

package io.tandem.campaigns;

import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.matching.MatchReasons;
import io.tandem.matching.MentorMatch;
import io.tandem.matching.PoolCandidates;
import io.tandem.matching.PoolMatching;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Seniority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A programme's matching round, for the lead to review: everyone who joined to learn is matched at once with those
 * who joined to mentor, optimally ({@link PoolMatching}), scored and explained as {@code /mentor find} does, never
 * with someone they are or were paired with; with the totals, the share of pairs in the reverse direction, and why
 * each learner left over is left over.
 */
@Component
class MatchingRound {

    private final CampaignStore store;
    private final ProfileStore profiles;
    private final PairStore pairs;
    private final PoolCandidates candidates;
    private final ProfileView view;
    private final Funnel funnel;

    MatchingRound(
            CampaignStore store,
            ProfileStore profiles,
            PairStore pairs,
            PoolCandidates candidates,
            ProfileView view,
            Funnel funnel) {
        this.funnel = funnel;
        this.store = store;
        this.profiles = profiles;
        this.pairs = pairs;
        this.candidates = candidates;
        this.view = view;
    }

    Reply review(Invocation in, Campaign campaign, boolean best) {
        Map<MemberId, CampaignRole> members = store.members(campaign.workspace(), campaign.name());
        Map<MemberId, Profile> people = profiles.findAll(members.keySet());
        // a learner the programme already gave a mentor is matched: later rounds are for the others
        Set<MemberId> matchedBefore = funnel.pairs(campaign).stream()
                .filter(p -> p.open())
                .map(p -> p.mentee())
                .collect(Collectors.toSet());
        List<Profile> learners = new ArrayList<>();
        List<Profile> mentors = new ArrayList<>();
        members.forEach((id, role) -> {
            Profile p = people.get(id);
            if (p != null && role.learns() && !matchedBefore.contains(id)) {
                // in a programme about some skills, only those count
                learners.add(p.withLearns(
                        p.learns().stream().filter(campaign::covers).collect(Collectors.toSet())));
            }
            if (p != null && role.teaches()) {
                mentors.add(p);
            }
        });
        Map<List<MemberId>, CampaignStore.Decision> decisions = store.decisions(campaign.workspace(), campaign.name());
        Map<MemberId, Set<MemberId>> paired = new HashMap<>();
        List<PoolCandidates.Proposal> proposals = candidates.between(
                learners,
                mentors,
                (learner, mentor) -> decisions.get(List.of(learner, mentor)) == CampaignStore.Decision.FORBIDDEN
                        || paired.computeIfAbsent(
                                        learner,
                                        l -> pairs.pairs(l).stream()
                                                .map(p -> p.other(l))
                                                .collect(Collectors.toSet()))
                                .contains(mentor));
        Map<PoolMatching.Candidate, List<MentorMatch.Reason>> reasons = new HashMap<>();
        proposals.forEach(p -> reasons.put(p.candidate(), p.reasons()));

        // pairs a lead pinned come first, with the best skill they share; the rest is matched around them
        Map<MemberId, Integer> places = new HashMap<>(PoolCandidates.places(mentors));
        List<PoolMatching.Candidate> pinned = new ArrayList<>();
        Set<MemberId> placed = new HashSet<>();
        decisions.forEach((pair, decision) -> {
            if (decision != CampaignStore.Decision.PINNED || placed.contains(pair.get(0))) {
                return;
            }
            reasons.keySet().stream()
                    .filter(c -> c.learner().equals(pair.get(0)) && c.mentor().equals(pair.get(1)))
                    .max(Comparator.comparingInt(PoolMatching.Candidate::score))
                    .filter(c -> places.getOrDefault(c.mentor(), 0) > 0)
                    .ifPresent(c -> {
                        pinned.add(c);
                        placed.add(c.learner());
                        places.merge(c.mentor(), -1, Integer::sum);
                    });
        });
        Optional<CampaignStore.ProposedRound> before = store.lastProposed(campaign.workspace(), campaign.name());
        PoolMatching.Round solved = PoolMatching.solve(
                learners.stream()
                        .map(Profile::id)
                        .filter(id -> !placed.contains(id))
                        .toList(),
                reasons.keySet(),
                places,
                best ? PoolMatching.Objective.BEST_MATCHES : PoolMatching.Objective.MOST_MATCHED,
                // of the optimal rounds, the one closest to the last: a lead's change moves few people
                before.map(b -> b.pairs().stream()
                                .map(c -> List.of(c.learner(), c.mentor()))
                                .collect(Collectors.toSet()))
                        .orElse(Set.of()));
        List<PoolMatching.Candidate> all = new ArrayList<>(pinned);
        all.addAll(solved.pairs());
        PoolMatching.Round round = new PoolMatching.Round(all, solved.unmatched());

        Set<MemberId> proposed = new LinkedHashSet<>();
        reasons.keySet().forEach(c -> proposed.add(c.learner()));
        List<CampaignStore.Unmatched> unmatched = learners.stream()
                .filter(l -> round.unmatched().contains(l.id()))
                .map(l -> new CampaignStore.Unmatched(
                        l.id(),
                        l.learns().isEmpty()
                                ? CampaignStore.LeftOver.NOTHING
                                : proposed.contains(l.id())
                                        ? CampaignStore.LeftOver.CAPACITY
                                        : CampaignStore.LeftOver.NOBODY))
                .toList();
        CampaignStore.ProposedRound kept =
                store.propose(campaign.workspace(), campaign.name(), round.pairs(), unmatched);
        Reply.Builder reply = Reply.builder()
                .text(in.t(
                        "programme.match.heading",
                        campaign.name(),
                        in.t(best ? "programme.objective.best" : "programme.objective.most")));
        if (!matchedBefore.isEmpty()) {
            reply.section(null, in.t("programme.match.matched-before", matchedBefore.size()));
        }
        if (learners.isEmpty()) {
            return reply.section(null, in.t("programme.match.nobody")).build();
        }
        long reverse = round.pairs().stream()
                .filter(c -> Seniority.reverse(people.get(c.mentor()), people.get(c.learner())))
                .count();
        reply.section(
                null,
                in.t(
                        "programme.match.totals",
                        round.pairs().size(),
                        learners.size(),
                        round.pairs().isEmpty()
                                ? 0
                                : Math.round(100.0 * reverse / round.pairs().size())));
        List<String> lines = round.pairs().stream()
                .map(c -> (pinned.contains(c) ? in.t("programme.match.pinned") + " " : "")
                        + in.t(
                                "programme.match.pair",
                                people.get(c.learner()).label(),
                                view.skill(c.skill(), in.messages().language()),
                                people.get(c.mentor()).label(),
                                c.score(),
                                reasons.get(c).stream()
                                        .map(r -> MatchReasons.render(r, in.messages(), view))
                                        .collect(Collectors.joining(" · "))))
                .toList();
        if (!lines.isEmpty()) {
            reply.items(in.t("programme.match.pairs"), lines);
        }
        List<String> left = unmatched.stream()
                .map(u -> in.t("programme.match.left", people.get(u.learner()).label(), in.t(why(u.why()))))
                .toList();
        if (!left.isEmpty()) {
            reply.items(in.t("programme.match.unmatched"), left);
        }
        before.ifPresent(b -> changes(in, reply, b, kept, people, matchedBefore));
        return reply.section(null, in.t("programme.match.hint", campaign.name()))
                .build();
    }

    /** The message key of why a learner is left over, for the lead. */
    static String why(CampaignStore.LeftOver why) {
        return "programme.why." + why.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What changed since the last round proposed: each learner whose mentor is new, different or gone (but not
     * those whose pair was published since: they are matched).
     */
    private static void changes(
            Invocation in,
            Reply.Builder reply,
            CampaignStore.ProposedRound before,
            CampaignStore.ProposedRound now,
            Map<MemberId, Profile> people,
            Set<MemberId> published) {
        Map<MemberId, MemberId> was = new LinkedHashMap<>();
        before.pairs().forEach(c -> was.put(c.learner(), c.mentor()));
        Map<MemberId, MemberId> is = new LinkedHashMap<>();
        now.pairs().forEach(c -> is.put(c.learner(), c.mentor()));
        List<String> lines = new ArrayList<>();
        Set<MemberId> learners = new LinkedHashSet<>(is.keySet());
        learners.addAll(was.keySet());
        for (MemberId learner : learners) {
            MemberId then = was.get(learner);
            MemberId mentor = is.get(learner);
            if (Objects.equals(then, mentor) || published.contains(learner)) {
                continue;
            }
            String name = label(people, learner, in);
            if (then == null) {
                lines.add(in.t("programme.changed.new", name, label(people, mentor, in)));
            } else if (mentor == null) {
                lines.add(in.t("programme.changed.gone", name, label(people, then, in)));
            } else {
                lines.add(in.t("programme.changed.moved", name, label(people, mentor, in), label(people, then, in)));
            }
        }
        if (lines.isEmpty()) {
            reply.section(null, in.t("programme.changed.none", before.number()));
        } else {
            reply.items(in.t("programme.changed.heading", before.number()), lines);
        }
    }

    /** Someone who left or was erased since is no longer named. */
    private static String label(Map<MemberId, Profile> people, MemberId id, Invocation in) {
        Profile p = people.get(id);
        return p == null ? in.t("programme.changed.someone") : p.label();
    }
}

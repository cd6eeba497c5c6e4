package io.tandem.matching;

import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;

/**
 * The pairs a programme's matching round may form, each scored and explained exactly as {@code /mentor find} scores
 * and explains a mentor: for every skill a learner wants, every mentor who teaches it, never the learner themselves,
 * a paused mentor, one with no place left or someone in the learner's reporting line, and never a pair the caller
 * excludes (one that exists, or existed in the programme, or that a lead forbade).
 */
@Component
public class PoolCandidates {

    private final FindingMentors finding;

    public PoolCandidates(FindingMentors finding) {
        this.finding = finding;
    }

    /** A pair the round may form, with the reasons in words to show the lead and the two people. */
    public record Proposal(PoolMatching.Candidate candidate, List<MentorMatch.Reason> reasons) {
        public Proposal {
            reasons = List.copyOf(reasons);
        }
    }

    /** Every pair of a learner and a mentor, for each skill the learner wants, that {@code excluded} allows. */
    public List<Proposal> between(
            Collection<Profile> learners, Collection<Profile> mentors, BiPredicate<MemberId, MemberId> excluded) {
        List<Proposal> proposals = new ArrayList<>();
        for (Profile learner : learners) {
            for (String skill : learner.learns().stream().sorted().toList()) {
                for (Profile mentor : mentors) {
                    if (FindingMentors.eligible(learner, mentor, skill) && !excluded.test(learner.id(), mentor.id())) {
                        MentorMatch match = finding.score(learner, mentor, skill);
                        proposals.add(new Proposal(
                                new PoolMatching.Candidate(learner.id(), mentor.id(), skill, match.score()),
                                match.reasons()));
                    }
                }
            }
        }
        return proposals;
    }

    /** The places each mentor has left for the round: none while paused. */
    public static Map<MemberId, Integer> places(Collection<Profile> mentors) {
        Map<MemberId, Integer> places = new LinkedHashMap<>();
        for (Profile mentor : mentors) {
            places.put(mentor.id(), mentor.paused() ? 0 : Math.max(0, mentor.spare()));
        }
        return places;
    }
}

package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.matching.PoolCandidates.Proposal;
import io.tandem.matching.PoolMatching.Candidate;
import io.tandem.matching.PoolMatching.Objective;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolCandidatesTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final FindingMentors finding = new FindingMentors(null, CLOCK);
    private final PoolCandidates candidates = new PoolCandidates(finding);

    // names that are words and prefixes of one another, as in real workspaces
    private final Profile bob = member("bob", Seniority.EXEC, Set.of("negotiation"), Set.of("seo", "crm"));
    private final Profile bobSmith = member("bob.smith", Seniority.JUNIOR, Set.of("seo", "crm"), Set.of("negotiation"));
    private final Profile bobby = member("bobby", Seniority.MID, Set.of("seo"), Set.of("seo"));

    @Test
    void everySkillALearnerWantsWithEveryMentorWhoTeachesIt_scoredAsFindScores() {
        List<Proposal> proposals = candidates.between(List.of(bob), List.of(bob, bobSmith, bobby), (a, b) -> false);

        assertThat(proposals)
                .extracting(
                        p -> p.candidate().mentor().user() + ":" + p.candidate().skill())
                .containsExactly("bob.smith:crm", "bob.smith:seo", "bobby:seo");
        MentorMatch find = finding.rank(bob, "seo", List.of(bobSmith), 1).get(0);
        Proposal seo = proposals.get(1);
        assertThat(seo.candidate().score()).isEqualTo(find.score());
        assertThat(seo.reasons()).usingRecursiveComparison().isEqualTo(find.reasons());
        assertThat(seo.reasons())
                .extracting(MentorMatch.Reason::key)
                .contains("find.why.reverse", "find.why.reciprocal");
    }

    @Test
    void neverThemselvesTheirReportingLineAPausedOrFullMentorOrAnExcludedPair() {
        // bobby teaches and learns seo: never his own mentor
        assertThat(candidates.between(List.of(bobby), List.of(bobby), (a, b) -> false))
                .isEmpty();

        Profile managed = bobSmith.withManager(bob.id());
        assertThat(candidates.between(List.of(bob), List.of(managed), (a, b) -> false))
                .isEmpty();
        assertThat(candidates.between(List.of(bob), List.of(bobSmith.withPaused(true)), (a, b) -> false))
                .isEmpty();
        assertThat(candidates.between(List.of(bob), List.of(bobSmith.withCapacity(0)), (a, b) -> false))
                .isEmpty();

        List<Proposal> allowed = candidates.between(
                List.of(bob), List.of(bobSmith, bobby), (learner, mentor) -> mentor.equals(bobSmith.id()));
        assertThat(allowed).extracting(p -> p.candidate().mentor()).containsOnly(bobby.id());
    }

    @Test
    void aWholePoolMatchedFromProfiles_eachPersonLearningAndTeaching() {
        Profile ana = member("ana", Seniority.SENIOR, Set.of("negotiation"), Set.of("seo"));
        List<Profile> pool = List.of(bob, bobSmith, bobby, ana);
        List<Candidate> all = candidates.between(pool, pool, (a, b) -> false).stream()
                .map(Proposal::candidate)
                .toList();

        PoolMatching.Round round = PoolMatching.solve(
                pool.stream().map(Profile::id).toList(), all, PoolCandidates.places(pool), Objective.MOST_MATCHED);

        // four learners, and each can be matched: bob and ana learn from the juniors, bob.smith learns from the execs
        assertThat(round.unmatched()).isEmpty();
        assertThat(round.pairs()).allMatch(p -> !p.learner().equals(p.mentor()));
        assertThat(PoolCandidates.places(List.of(bobSmith.withPaused(true), bobby)))
                .isEqualTo(Map.of(bobSmith.id(), 0, bobby.id(), 2));
    }

    private static Profile member(String handle, Seniority seniority, Set<String> teaches, Set<String> learns) {
        return new Profile(
                new MemberId("slack:T1", handle),
                handle,
                handle,
                null,
                Language.EN,
                ZoneId.of("Europe/Paris"),
                true,
                seniority,
                "Team",
                null,
                2,
                0,
                null,
                false,
                teaches,
                learns,
                Instant.EPOCH);
    }
}

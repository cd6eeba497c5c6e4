package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.engine.MemberId;
import io.tandem.matching.PoolMatching.Candidate;
import io.tandem.matching.PoolMatching.Objective;
import io.tandem.matching.PoolMatching.Round;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolMatchingTests {

    private static final MemberId ANA = id("ana");
    private static final MemberId ANAIS = id("anais");
    private static final MemberId BOB = id("bob");
    private static final MemberId BOBBY = id("bobby");

    @Test
    void mostMatchedGivesUpTheBestPairToMatchEveryone() {
        // greedy would give bob to ana (the best pair) and leave anais with nobody
        List<Candidate> candidates = List.of(
                new Candidate(ANA, BOB, "seo", 90),
                new Candidate(ANA, BOBBY, "seo", 10),
                new Candidate(ANAIS, BOB, "seo", 40));
        Map<MemberId, Integer> places = Map.of(BOB, 1, BOBBY, 1);

        Round most = PoolMatching.solve(List.of(ANA, ANAIS), candidates, places, Objective.MOST_MATCHED);
        assertThat(most.pairs())
                .containsExactly(new Candidate(ANAIS, BOB, "seo", 40), new Candidate(ANA, BOBBY, "seo", 10));
        assertThat(most.unmatched()).isEmpty();

        Round best = PoolMatching.solve(List.of(ANA, ANAIS), candidates, places, Objective.BEST_MATCHES);
        assertThat(best.pairs()).containsExactly(new Candidate(ANA, BOB, "seo", 90));
        assertThat(best.unmatched()).containsExactly(ANAIS);
    }

    @Test
    void aMentorTakesNoMoreThanTheirPlacesAndNoneWithoutPlaces() {
        List<Candidate> candidates = List.of(
                new Candidate(ANA, BOB, "seo", 50),
                new Candidate(ANAIS, BOB, "seo", 50),
                new Candidate(BOBBY, BOB, "seo", 50),
                new Candidate(BOBBY, ANA, "crm", 50));
        Round round = PoolMatching.solve(
                List.of(ANA, ANAIS, BOBBY), candidates, Map.of(BOB, 2, ANA, 0), Objective.MOST_MATCHED);

        assertThat(round.pairs()).hasSize(2).allMatch(p -> p.mentor().equals(BOB));
        assertThat(round.unmatched()).hasSize(1);
    }

    @Test
    void oneTeachesWhileLearningAndTheBestSkillOfAPairCounts() {
        // everyone can teach and learn: bob learns from ana while ana learns from bob
        List<Candidate> candidates = List.of(
                new Candidate(ANA, BOB, "seo", 20),
                new Candidate(ANA, BOB, "crm", 35),
                new Candidate(BOB, ANA, "negotiation", 30));
        Round round = PoolMatching.solve(List.of(ANA, BOB), candidates, Map.of(ANA, 1, BOB, 1), Objective.MOST_MATCHED);

        assertThat(round.pairs())
                .containsExactly(new Candidate(ANA, BOB, "crm", 35), new Candidate(BOB, ANA, "negotiation", 30));
        assertThat(round.totalScore()).isEqualTo(65);
    }

    @Test
    void learnersNobodyCanTeachAreLeftOverAndOthersCandidatesIgnored() {
        Round round = PoolMatching.solve(
                List.of(ANA, ANAIS),
                List.of(new Candidate(BOBBY, BOB, "seo", 80), new Candidate(ANA, BOB, "seo", 0)),
                Map.of(BOB, 3),
                Objective.BEST_MATCHES);

        assertThat(round.pairs()).containsExactly(new Candidate(ANA, BOB, "seo", 0));
        assertThat(round.unmatched()).containsExactly(ANAIS);
        assertThat(PoolMatching.solve(List.of(ANA), List.of(), Map.of(), Objective.MOST_MATCHED)
                        .unmatched())
                .containsExactly(ANA);
    }

    @Test
    void nobodyMentorsThemselvesAndNoScoreIsNegative() {
        assertThatThrownBy(() -> new Candidate(BOB, BOB, "seo", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Candidate(ANA, BOB, "seo", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MemberId id(String user) {
        return new MemberId("console", user);
    }
}

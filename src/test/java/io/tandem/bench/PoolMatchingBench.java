package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import io.tandem.matching.PoolMatching;
import io.tandem.matching.PoolMatching.Candidate;
import io.tandem.matching.PoolMatching.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A programme's matching round at the size of the article's founding story (Jack Welch's 600 executives, each with
 * a young mentor: 1,200 people) and at 10,000 people: the time to find the optimal round, with every learner
 * having every mentor of their skills as a candidate (1,200) or their best 50 (10,000), as the round builds them.
 * MentorcliQ warns its whole-pool match "may take several minutes"; the target here is seconds.
 */
@Tag("bench")
class PoolMatchingBench {

    private final BenchResults results = new BenchResults("pool-matching");

    @Test
    void roundsOfTheFoundingStoryAndOfTenThousandPeople() {
        round("1,200 people (600 learners, 600 mentors)", 600, 600, Integer.MAX_VALUE, 5_000);
        round("10,000 people (5,000 learners, 5,000 mentors), best 50 candidates each", 5_000, 5_000, 50, 30_000);
    }

    private void round(String section, int learnerCount, int mentorCount, int perLearner, long targetMillis) {
        Random random = new Random(42);
        List<MemberId> learners = new ArrayList<>();
        List<MemberId> mentors = new ArrayList<>();
        Map<MemberId, Integer> places = new HashMap<>();
        Map<MemberId, List<Integer>> teaches = new HashMap<>();
        for (int i = 0; i < mentorCount; i++) {
            MemberId m = new MemberId("bench", "junior" + i);
            mentors.add(m);
            places.put(m, 1 + random.nextInt(2));
            teaches.put(m, random.ints(1 + random.nextInt(3), 0, 20).boxed().toList());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < learnerCount; i++) {
            MemberId l = new MemberId("bench", "exec" + i);
            learners.add(l);
            List<Integer> wants =
                    random.ints(1 + random.nextInt(2), 0, 20).boxed().toList();
            List<Candidate> mine = new ArrayList<>();
            for (MemberId m : mentors) {
                for (int skill : wants) {
                    if (teaches.get(m).contains(skill)) {
                        mine.add(new Candidate(l, m, "skill" + skill, random.nextInt(120)));
                    }
                }
            }
            mine.sort(Comparator.comparingInt(Candidate::score).reversed());
            candidates.addAll(mine.subList(0, Math.min(perLearner, mine.size())));
        }

        PoolMatching.solve(learners.subList(0, 50), candidates, places, Objective.MOST_MATCHED); // warm-up
        for (Objective objective : Objective.values()) {
            long start = System.nanoTime();
            PoolMatching.Round round = PoolMatching.solve(learners, candidates, places, objective);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(round.pairs().size() + round.unmatched().size()).isEqualTo(learnerCount);
            Map<MemberId, Long> load =
                    round.pairs().stream().collect(Collectors.groupingBy(Candidate::mentor, Collectors.counting()));
            load.forEach((m, n) -> assertThat(n).isLessThanOrEqualTo(places.get(m)));
            results.info(section, objective + ": candidate pairs", String.valueOf(candidates.size()));
            results.info(section, objective + ": matched", round.pairs().size() + " of " + learnerCount);
            results.record(
                    section,
                    objective + ": time to the optimal round",
                    millis + " ms",
                    "≤ " + targetMillis + " ms",
                    millis <= targetMillis);
        }
    }
}

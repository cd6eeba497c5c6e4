package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import io.tandem.matching.PoolMatching.Candidate;
import io.tandem.matching.PoolMatching.Objective;
import io.tandem.matching.PoolMatching.Round;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The round is optimal, checked against every possible assignment of small generated pools (people who teach and
 * learn at once, mentors with no place, learners nobody can teach, several skills per pair, equal scores).
 */
class PoolMatchingPropertiesTests {

    @Property(tries = 400)
    void mostMatchedMatchesAsManyAsPossibleThenScoresBest(@ForAll long seed) {
        Pool pool = Pool.generate(new Random(seed));
        Round round = PoolMatching.solve(pool.learners, pool.candidates, pool.places, Objective.MOST_MATCHED);

        assertFeasible(pool, round);
        long[] optimum = pool.bruteForce(Objective.MOST_MATCHED);
        assertThat(round.pairs()).as("matched, seed %d", seed).hasSize((int) optimum[0]);
        assertThat(round.totalScore()).as("total score, seed %d", seed).isEqualTo(optimum[1]);
    }

    @Property(tries = 400)
    void bestMatchesReachesTheHighestTotalScore(@ForAll long seed) {
        Pool pool = Pool.generate(new Random(seed));
        Round round = PoolMatching.solve(pool.learners, pool.candidates, pool.places, Objective.BEST_MATCHES);

        assertFeasible(pool, round);
        assertThat(round.totalScore())
                .as("total score, seed %d", seed)
                .isEqualTo(pool.bruteForce(Objective.BEST_MATCHES)[1]);
    }

    @Property(tries = 300)
    void keepingThePairsOfALastRoundNeverCostsTheObjective(@ForAll long seed) {
        Random random = new Random(seed);
        Pool pool = Pool.generate(random);
        Set<List<MemberId>> keep = new HashSet<>();
        for (Candidate c : pool.candidates) {
            if (random.nextInt(3) == 0) {
                keep.add(List.of(c.learner(), c.mentor()));
            }
        }
        for (Objective objective : Objective.values()) {
            Round plain = PoolMatching.solve(pool.learners, pool.candidates, pool.places, objective);
            Round kept = PoolMatching.solve(pool.learners, pool.candidates, pool.places, objective, keep);

            assertFeasible(pool, kept);
            assertThat(kept.pairs()).as("matched, seed %d", seed).hasSameSizeAs(plain.pairs());
            assertThat(kept.totalScore()).as("total score, seed %d", seed).isEqualTo(plain.totalScore());
            assertThat(kept(kept, keep)).as("pairs kept, seed %d", seed).isGreaterThanOrEqualTo(kept(plain, keep));
        }
    }

    private static long kept(Round round, Set<List<MemberId>> keep) {
        return round.pairs().stream()
                .filter(c -> keep.contains(List.of(c.learner(), c.mentor())))
                .count();
    }

    private static void assertFeasible(Pool pool, Round round) {
        Map<MemberId, Integer> taken = new HashMap<>();
        Set<MemberId> matched = new HashSet<>();
        for (Candidate pair : round.pairs()) {
            assertThat(pool.candidates).contains(pair);
            assertThat(matched.add(pair.learner())).as("one mentor per learner").isTrue();
            taken.merge(pair.mentor(), 1, Integer::sum);
        }
        taken.forEach(
                (mentor, n) -> assertThat(n).as("places of %s", mentor).isLessThanOrEqualTo(pool.places.get(mentor)));
        Set<MemberId> everyone = new HashSet<>(matched);
        everyone.addAll(round.unmatched());
        assertThat(everyone).isEqualTo(new HashSet<>(pool.learners));
        assertThat(round.unmatched()).noneMatch(matched::contains);
    }

    /** A small pool, and its optimum found by trying every assignment. */
    private record Pool(List<MemberId> learners, List<Candidate> candidates, Map<MemberId, Integer> places) {

        static Pool generate(Random random) {
            int people = 2 + random.nextInt(7);
            List<MemberId> everyone = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                // names that are prefixes of one another, as real workspaces have
                everyone.add(new MemberId("console", i % 2 == 0 ? "bob" + "b".repeat(i) : "bob." + i));
            }
            List<MemberId> learners = new ArrayList<>();
            Map<MemberId, Integer> places = new HashMap<>();
            for (MemberId m : everyone) {
                if (random.nextInt(3) > 0) {
                    learners.add(m);
                }
                places.put(m, random.nextInt(3));
            }
            List<Candidate> candidates = new ArrayList<>();
            String[] skills = {"seo", "crm", "negotiation"};
            for (MemberId learner : learners) {
                for (MemberId mentor : everyone) {
                    if (!learner.equals(mentor) && random.nextInt(3) > 0) {
                        int kinds = 1 + random.nextInt(2);
                        for (int k = 0; k < kinds; k++) {
                            // few distinct scores, so that ties are common
                            candidates.add(new Candidate(learner, mentor, skills[k], 5 * random.nextInt(6)));
                        }
                    }
                }
            }
            return new Pool(learners, candidates, places);
        }

        /** {matched, total score} of the best assignment for the objective. */
        long[] bruteForce(Objective objective) {
            long[] best = {0, 0};
            search(0, new HashMap<>(), 0, 0, objective, best);
            return best;
        }

        private void search(
                int index, Map<MemberId, Integer> taken, long matched, long score, Objective objective, long[] best) {
            if (index == learners.size()) {
                boolean better = objective == Objective.MOST_MATCHED
                        ? matched > best[0] || (matched == best[0] && score > best[1])
                        : score > best[1];
                if (better) {
                    best[0] = matched;
                    best[1] = score;
                }
                return;
            }
            MemberId learner = learners.get(index);
            search(index + 1, taken, matched, score, objective, best);
            for (Candidate c : candidates) {
                if (c.learner().equals(learner) && taken.getOrDefault(c.mentor(), 0) < places.get(c.mentor())) {
                    taken.merge(c.mentor(), 1, Integer::sum);
                    search(index + 1, taken, matched + 1, score + c.score(), objective, best);
                    taken.merge(c.mentor(), -1, Integer::sum);
                }
            }
        }
    }
}

package io.tandem.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import io.tandem.engine.MemberId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Matches a whole pool at once (a programme's matching round), optimally rather than one learner after another:
 * each learner gets at most one mentor, each mentor at most their spare places, and only among the candidate pairs
 * given (who may pair with whom — someone who teaches what the learner wants, never themselves, never their
 * reporting line, never a pair that exists — is the caller's rule, scored as {@code /mentor find} scores).
 *
 * <p>The lead chooses what "best" means, as Together's matching settings do:
 * <ul>
 *   <li>{@link Objective#MOST_MATCHED}: as many learners matched as possible, then the highest total score among
 *       the ways to match that many;</li>
 *   <li>{@link Objective#BEST_MATCHES}: the highest total score, even if a learner is left out for it (and of
 *       equal totals, the one that matches most).</li>
 * </ul>
 *
 * <p>Solved exactly as a minimum-cost flow by Google OR-Tools ({@code SimpleMinCostFlow}, a maintained cost-scaling
 * solver): each learner supplies one unit; it flows to a candidate mentor (capacity 1, cost lower for a better pair)
 * and on to the sink (the mentor's places), or straight to the sink, at a cost above every pair's, for being left
 * unmatched. For {@code MOST_MATCHED} every match is also worth more than all scores together, so one more learner
 * matched always wins over a higher total; for {@code BEST_MATCHES} the score weighs more than every match together.
 * 10,000 people with 350,000 candidate pairs take about a second (see {@code PoolMatchingBench}).
 */
public final class PoolMatching {

    /** What the round optimises. */
    public enum Objective {
        MOST_MATCHED,
        BEST_MATCHES
    }

    /** A pair the round may form: {@code learner} learns {@code skill} from {@code mentor}, worth {@code score}. */
    public record Candidate(MemberId learner, MemberId mentor, String skill, int score) {
        public Candidate {
            Objects.requireNonNull(learner, "learner");
            Objects.requireNonNull(mentor, "mentor");
            Objects.requireNonNull(skill, "skill");
            if (learner.equals(mentor)) {
                throw new IllegalArgumentException("nobody mentors themselves: " + learner);
            }
            if (score < 0) {
                throw new IllegalArgumentException("a score is never negative: " + score);
            }
        }
    }

    /** The pairs chosen, best first, and the learners left without a mentor. */
    public record Round(List<Candidate> pairs, Set<MemberId> unmatched) {
        public Round {
            pairs = List.copyOf(pairs);
            unmatched = Set.copyOf(unmatched);
        }

        public long totalScore() {
            return pairs.stream().mapToLong(Candidate::score).sum();
        }
    }

    static {
        // OR-Tools' solvers are native code, shipped in its jars for Linux, macOS and Windows
        Loader.loadNativeLibraries();
    }

    private PoolMatching() {}

    /**
     * The optimal round for {@code learners}, among {@code candidates} (others than those learners' are ignored),
     * within each mentor's {@code places} (a mentor missing from it has none).
     */
    public static Round solve(
            Collection<MemberId> learners,
            Collection<Candidate> candidates,
            Map<MemberId, Integer> places,
            Objective objective) {
        return solve(learners, candidates, places, objective, Set.of());
    }

    /**
     * As {@link #solve(Collection, Collection, Map, Objective)}; of the optimal rounds, one that keeps as many of
     * the {@code [learner, mentor]} pairs in {@code keep} as it can (the last round's, so that a lead's change
     * moves few people). Keeping a pair never costs the objective anything.
     */
    public static Round solve(
            Collection<MemberId> learners,
            Collection<Candidate> candidates,
            Map<MemberId, Integer> places,
            Objective objective,
            Set<List<MemberId>> keep) {
        Set<MemberId> pool = new LinkedHashSet<>(learners);
        Map<List<MemberId>, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (pool.contains(c.learner()) && places.getOrDefault(c.mentor(), 0) > 0) {
                // one arc per learner and mentor: of the skills they share, the one that scores best
                best.merge(List.of(c.learner(), c.mentor()), c, (a, b) -> b.score() > a.score() ? b : a);
            }
        }
        if (best.isEmpty()) {
            return new Round(List.of(), pool);
        }

        // what a pair is worth to the objective: one objective's figure first, the other's to break its ties
        // (a round's total score is at most the best score times the learners: one more match is worth more)
        long learnerCount = pool.size();
        long bestScore =
                best.values().stream().mapToLong(Candidate::score).max().orElse(0);
        ToLongFunction<Candidate> worth = objective == Objective.MOST_MATCHED
                ? c -> bestScore * learnerCount + 1 + c.score()
                : c -> c.score() * (learnerCount + 1) + 1;
        // and, of equal rounds, one that keeps more of the pairs to keep (a pair kept is worth less than any change
        // in the objective, as all kept pairs together weigh less than one unit of it)
        long weight = keep.isEmpty() ? 1 : learnerCount + 1;
        ToLongFunction<Candidate> value =
                c -> worth.applyAsLong(c) * weight + (keep.contains(List.of(c.learner(), c.mentor())) ? 1 : 0);
        long ceiling = best.values().stream().mapToLong(value).max().orElse(0) + 1;

        // nodes: the sink, then each learner, then each mentor
        int sink = 0;
        Map<MemberId, Integer> node = new HashMap<>();
        for (MemberId learner : pool) {
            node.put(learner, node.size() + 1);
        }
        Map<MemberId, Integer> mentorNode = new HashMap<>();
        MinCostFlow flow = new MinCostFlow();
        for (MemberId learner : pool) {
            flow.setNodeSupply(node.get(learner), 1);
            flow.addArcWithCapacityAndUnitCost(node.get(learner), sink, 1, ceiling);
        }
        flow.setNodeSupply(sink, -learnerCount);
        Candidate[] byArc = new Candidate[best.size()];
        int[] arcOf = new int[best.size()];
        int i = 0;
        for (Candidate c : best.values()) {
            int m = mentorNode.computeIfAbsent(c.mentor(), mentor -> {
                int n = pool.size() + 1 + mentorNode.size();
                flow.addArcWithCapacityAndUnitCost(n, sink, places.get(mentor), 0);
                return n;
            });
            // every learner costs the ceiling unmatched, less with a mentor: the less, the better the pair
            arcOf[i] = flow.addArcWithCapacityAndUnitCost(node.get(c.learner()), m, 1, ceiling - value.applyAsLong(c));
            byArc[i++] = c;
        }
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            // cannot happen: the bypass makes every supply feasible and the costs stay far from overflowing
            throw new IllegalStateException("the matching round found no optimum: " + status);
        }

        List<Candidate> chosen = new ArrayList<>();
        for (int a = 0; a < byArc.length; a++) {
            if (flow.getFlow(arcOf[a]) > 0) {
                chosen.add(byArc[a]);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::score)
                .reversed()
                .thenComparing(c -> c.learner().toString())
                .thenComparing(c -> c.mentor().toString()));
        Set<MemberId> unmatched = new LinkedHashSet<>(pool);
        chosen.forEach(c -> unmatched.remove(c.learner()));
        return new Round(chosen, unmatched);
    }
}

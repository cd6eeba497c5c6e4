package io.tandem.matching;

import io.tandem.engine.MemberId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

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
 * <p>Solved exactly as a minimum-cost flow (JGraphT's capacity scaling): source → each learner (capacity 1) →
 * each candidate mentor (capacity 1, cost lower for a better pair) → sink (the mentor's places), and a bypass from
 * source to sink for learners left unmatched. For {@code MOST_MATCHED} every match is also worth more than all
 * scores together, so one more learner matched always wins over a higher total; for {@code BEST_MATCHES} the
 * score weighs more than every match together.
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
        Set<MemberId> pool = new LinkedHashSet<>(learners);
        Map<List<MemberId>, Candidate> best = new HashMap<>();
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
        long learnerCount = pool.size();
        long allScores = best.values().stream().mapToLong(Candidate::score).sum();
        ToLongFunction<Candidate> value = objective == Objective.MOST_MATCHED
                ? c -> allScores + 1 + c.score()
                : c -> c.score() * (learnerCount + 1) + 1;
        long ceiling = best.values().stream().mapToLong(value).max().orElse(0) + 1;

        Graph<Node, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Node source = new Node('S', null);
        Node sink = new Node('T', null);
        graph.addVertex(source);
        graph.addVertex(sink);
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Map<DefaultWeightedEdge, Candidate> pairs = new HashMap<>();
        arc(graph, capacity, source, sink, pool.size(), ceiling);
        for (MemberId learner : pool) {
            Node l = new Node('L', learner);
            graph.addVertex(l);
            arc(graph, capacity, source, l, 1, 0);
        }
        for (Candidate c : best.values()) {
            Node m = new Node('M', c.mentor());
            if (graph.addVertex(m)) {
                arc(graph, capacity, m, sink, places.get(c.mentor()), 0);
            }
            // every unit of flow costs the ceiling, by the bypass or less through a pair: cheaper for a better pair
            pairs.put(arc(graph, capacity, new Node('L', c.learner()), m, 1, ceiling - value.applyAsLong(c)), c);
        }

        MinimumCostFlowProblem<Node, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                        graph, v -> v.equals(source) ? pool.size() : v.equals(sink) ? -pool.size() : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Node, DefaultWeightedEdge>().getMinimumCostFlow(problem);

        List<Candidate> chosen = new ArrayList<>();
        for (Map.Entry<DefaultWeightedEdge, Candidate> e : pairs.entrySet()) {
            if (flow.getFlow(e.getKey()) > 0.5) {
                chosen.add(e.getValue());
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

    private static DefaultWeightedEdge arc(
            Graph<Node, DefaultWeightedEdge> graph,
            Map<DefaultWeightedEdge, Integer> capacity,
            Node from,
            Node to,
            int units,
            long unitCost) {
        DefaultWeightedEdge e = graph.addEdge(from, to);
        capacity.put(e, units);
        // the algorithm reads an arc's cost from its weight
        graph.setEdgeWeight(e, unitCost);
        return e;
    }

    /** A vertex: the source, the sink, a learner or a mentor (one person may be both, as two vertices). */
    private record Node(char kind, MemberId member) {}
}

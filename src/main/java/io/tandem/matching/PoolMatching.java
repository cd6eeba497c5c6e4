package io.tandem.matching;

import io.tandem.engine.MemberId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>Solved exactly as a minimum-cost flow: each learner → each candidate mentor (capacity 1, cost lower for a
 * better pair) → sink (the mentor's places), and from each learner straight to the sink, at a cost above every
 * pair's, for being left unmatched. For {@code MOST_MATCHED} every match is also worth more than all scores together,
 * so one more learner matched always wins over a higher total; for {@code BEST_MATCHES} the score weighs more than
 * every match together. The flow is found by successive shortest paths, one learner at a time, on plain arrays
 * (10,000 people in about a tenth of a second, see {@code PoolMatchingBench}); no candidate is dropped for it.
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
        Map<MemberId, Integer> learnerIndex = new HashMap<>();
        for (MemberId l : pool) {
            learnerIndex.put(l, learnerIndex.size());
        }
        Map<MemberId, Integer> mentorIndex = new HashMap<>();
        List<Integer> mentorPlaces = new ArrayList<>();
        List<Candidate> kept = new ArrayList<>();
        int[] perLearner = new int[pool.size() + 1];
        for (Candidate c : candidates) {
            Integer l = learnerIndex.get(c.learner());
            int p = places.getOrDefault(c.mentor(), 0);
            if (l != null && p > 0) {
                mentorIndex.computeIfAbsent(c.mentor(), m -> {
                    mentorPlaces.add(p);
                    return mentorPlaces.size() - 1;
                });
                kept.add(c);
                perLearner[l + 1]++;
            }
        }
        if (kept.isEmpty()) {
            return new Round(List.of(), pool);
        }
        Arcs arcs = Arcs.of(pool.size(), mentorPlaces.size(), kept, perLearner, learnerIndex, mentorIndex);

        // what a pair is worth to the objective: one objective's figure first, the other's to break its ties
        long learnerCount = pool.size();
        long allScores = 0;
        for (Candidate c : arcs.pair) {
            allScores += c.score();
        }
        long spread = allScores;
        ToLongFunction<Candidate> value = objective == Objective.MOST_MATCHED
                ? c -> spread + 1 + c.score()
                : c -> c.score() * (learnerCount + 1) + 1;
        long ceiling = 0;
        for (Candidate c : arcs.pair) {
            ceiling = Math.max(ceiling, value.applyAsLong(c));
        }
        ceiling++;
        long[] cost = new long[arcs.pair.length];
        for (int a = 0; a < cost.length; a++) {
            // every learner costs the ceiling unmatched, less with a mentor: the less, the better the pair
            cost[a] = ceiling - value.applyAsLong(arcs.pair[a]);
        }
        int[] places0 = mentorPlaces.stream().mapToInt(Integer::intValue).toArray();
        int[] assigned = new FlowSolver(arcs, cost, ceiling, places0).solve();

        List<Candidate> chosen = new ArrayList<>();
        for (int a : assigned) {
            if (a >= 0) {
                chosen.add(arcs.pair[a]);
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

    /**
     * The pairs as arcs, grouped by learner ({@code pair[start[l]] .. pair[start[l + 1] - 1]}): one arc per learner
     * and mentor, for the skill of theirs that scores best.
     */
    private record Arcs(int[] start, int[] mentor, Candidate[] pair) {

        static Arcs of(
                int learners,
                int mentors,
                List<Candidate> kept,
                int[] perLearner,
                Map<MemberId, Integer> learnerIndex,
                Map<MemberId, Integer> mentorIndex) {
            int[] start = perLearner.clone();
            for (int l = 0; l < learners; l++) {
                start[l + 1] += start[l];
            }
            int[] fill = Arrays.copyOf(start, learners);
            Candidate[] byLearner = new Candidate[kept.size()];
            int[] mentorOf = new int[kept.size()];
            for (Candidate c : kept) {
                int at = fill[learnerIndex.get(c.learner())]++;
                byLearner[at] = c;
                mentorOf[at] = mentorIndex.get(c.mentor());
            }
            // of the skills a learner and a mentor share, the one that scores best (the first of equals)
            int[] seenBy = new int[mentors];
            Arrays.fill(seenBy, -1);
            int[] seenAt = new int[mentors];
            int[] newStart = new int[learners + 1];
            int n = 0;
            for (int l = 0; l < learners; l++) {
                newStart[l] = n;
                for (int i = start[l]; i < start[l + 1]; i++) {
                    int m = mentorOf[i];
                    if (seenBy[m] == l) {
                        if (byLearner[i].score() > byLearner[seenAt[m]].score()) {
                            byLearner[seenAt[m]] = byLearner[i];
                        }
                    } else {
                        seenBy[m] = l;
                        seenAt[m] = n;
                        byLearner[n] = byLearner[i];
                        mentorOf[n] = m;
                        n++;
                    }
                }
            }
            newStart[learners] = n;
            return new Arcs(newStart, Arrays.copyOf(mentorOf, n), Arrays.copyOf(byLearner, n));
        }
    }

    /**
     * A minimum-cost flow by successive shortest paths, one learner at a time (the Hungarian method for a
     * transportation problem): learner → mentor (capacity 1, the pair's cost), mentor → sink (the mentor's places,
     * free) and learner → sink (the learner left unmatched, at the ceiling). Each learner added sends its one unit
     * along a shortest path of the residual graph (Dijkstra on costs reduced by node potentials, which keep them
     * non-negative), which may move learners already placed to other mentors or leave one unmatched; after each
     * learner the flow is a minimum-cost one for the learners so far, so after the last it is for the whole pool.
     */
    private static final class FlowSolver {

        private static final long UNREACHED = Long.MAX_VALUE;

        private final Arcs arcs;
        private final long[] cost;
        private final long unmatchedCost;
        private final int[] places;
        private final int learners;
        private final int sink;

        /** The arc each learner's unit flows on, or -1 while unmatched. */
        private final int[] assigned;

        /** The learners a mentor has, as a linked list through {@code next}; and how many. */
        private final int[] first;

        private final int[] next;
        private final int[] taken;

        /** Node potentials: learners 0 .. L - 1, mentors L .. L + M - 1, the sink L + M. */
        private final long[] potential;

        private final long[] distance;
        private final int[] previous;
        private final int[] previousArc;
        private final int[] touched;
        private final boolean[] settled;
        private final Heap heap;

        FlowSolver(Arcs arcs, long[] cost, long unmatchedCost, int[] places) {
            this.arcs = arcs;
            this.cost = cost;
            this.unmatchedCost = unmatchedCost;
            this.places = places;
            this.learners = arcs.start.length - 1;
            this.sink = learners + places.length;
            int nodes = sink + 1;
            this.assigned = new int[learners];
            Arrays.fill(assigned, -1);
            this.first = new int[places.length];
            Arrays.fill(first, -1);
            this.next = new int[learners];
            this.taken = new int[places.length];
            this.potential = new long[nodes];
            this.distance = new long[nodes];
            Arrays.fill(distance, UNREACHED);
            this.previous = new int[nodes];
            this.previousArc = new int[nodes];
            this.touched = new int[nodes];
            this.settled = new boolean[nodes];
            this.heap = new Heap(nodes);
        }

        /** For each learner, the arc of their mentor in a minimum-cost flow, or -1 if left unmatched. */
        int[] solve() {
            for (int s = 0; s < learners; s++) {
                add(s);
            }
            return assigned;
        }

        private void add(int s) {
            // a potential that keeps the new learner's arcs' reduced costs non-negative (no arc enters it yet)
            long p = potential[sink] - unmatchedCost;
            for (int a = arcs.start[s]; a < arcs.start[s + 1]; a++) {
                p = Math.max(p, potential[learners + arcs.mentor[a]] - cost[a]);
            }
            potential[s] = p;

            int reached = 0;
            distance[s] = 0;
            touched[reached++] = s;
            heap.clear();
            heap.push(0, s);
            while (!heap.isEmpty()) {
                long d = heap.topKey();
                int u = heap.pop();
                if (u == sink) {
                    break;
                }
                settled[u] = true;
                if (u < learners) {
                    for (int a = arcs.start[u]; a < arcs.start[u + 1]; a++) {
                        if (a != assigned[u]) {
                            int m = learners + arcs.mentor[a];
                            reached = relax(u, m, a, d + cost[a] + potential[u] - potential[m], reached);
                        }
                    }
                    reached = relax(u, sink, -1, d + unmatchedCost + potential[u] - potential[sink], reached);
                } else {
                    int m = u - learners;
                    for (int l = first[m]; l >= 0; l = next[l]) {
                        reached = relax(u, l, -1, d - cost[assigned[l]] + potential[u] - potential[l], reached);
                    }
                    if (taken[m] < places[m]) {
                        reached = relax(u, sink, -1, d + potential[u] - potential[sink], reached);
                    }
                }
            }
            long toSink = distance[sink];

            // the potentials: what each node settled before the sink is nearer than it (others stay the same)
            for (int i = 0; i < reached; i++) {
                int v = touched[i];
                if (settled[v]) {
                    potential[v] += distance[v] - toSink;
                    settled[v] = false;
                }
            }

            // send the unit along the path: each learner on it moves to the next mentor (or is left unmatched)
            int u = previous[sink];
            if (u < learners) {
                move(u, -1);
            }
            int v = u;
            while (v != s) {
                u = previous[v];
                if (u < learners) {
                    move(u, previousArc[v]);
                }
                v = u;
            }
            for (int i = 0; i < reached; i++) {
                distance[touched[i]] = UNREACHED;
            }
        }

        private int relax(int from, int to, int arc, long d, int reached) {
            long old = distance[to];
            // no further than the sink already is: such a node would not be settled before it
            if (d < old && (d < distance[sink] || to == sink)) {
                if (old == UNREACHED) {
                    touched[reached++] = to;
                }
                distance[to] = d;
                previous[to] = from;
                previousArc[to] = arc;
                heap.push(d, to);
            }
            return reached;
        }

        /** The learner leaves their mentor (if any) for the arc's (or for none, -1); places taken stay the same. */
        private void move(int learner, int arc) {
            int was = assigned[learner];
            if (was >= 0) {
                int m = arcs.mentor[was];
                if (first[m] == learner) {
                    first[m] = next[learner];
                } else {
                    int l = first[m];
                    while (next[l] != learner) {
                        l = next[l];
                    }
                    next[l] = next[learner];
                }
                taken[m]--;
            }
            assigned[learner] = arc;
            if (arc >= 0) {
                int m = arcs.mentor[arc];
                next[learner] = first[m];
                first[m] = learner;
                taken[m]++;
            }
        }
    }

    /** A binary min-heap of nodes by distance, each node in it at most once (a nearer distance moves it up). */
    private static final class Heap {
        private final long[] keys;
        private final int[] nodes;

        /** Where each node is in the heap, or -1. */
        private final int[] at;

        private int size;

        Heap(int capacity) {
            keys = new long[capacity];
            nodes = new int[capacity];
            at = new int[capacity];
            Arrays.fill(at, -1);
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                at[nodes[i]] = -1;
            }
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long topKey() {
            return keys[0];
        }

        /** Adds the node, or moves it up to a smaller key. */
        void push(long key, int node) {
            int i = at[node];
            if (i < 0) {
                i = size++;
            }
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                nodes[i] = nodes[parent];
                at[nodes[i]] = i;
                i = parent;
            }
            keys[i] = key;
            nodes[i] = node;
            at[node] = i;
        }

        int pop() {
            int top = nodes[0];
            at[top] = -1;
            size--;
            if (size > 0) {
                long key = keys[size];
                int node = nodes[size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && keys[child + 1] < keys[child]) {
                        child++;
                    }
                    if (keys[child] >= key) {
                        break;
                    }
                    keys[i] = keys[child];
                    nodes[i] = nodes[child];
                    at[nodes[i]] = i;
                    i = child;
                }
                keys[i] = key;
                nodes[i] = node;
                at[node] = i;
            }
            return top;
        }
    }
}

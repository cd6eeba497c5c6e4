package io.tandem.pairing;

import io.tandem.engine.MemberId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: pairs, their status and the private feedback given when one ended. Implementations throw
 * {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface PairStore {

    /**
     * Moves a pair to {@code changed}'s status if it is still in {@code from}, in one atomic step; ending an open pair
     * frees the mentor's place (reopening takes one). False, and nothing changed, if the pair was no longer in
     * {@code from}.
     */
    boolean change(Pair.Status from, Pair changed);

    /** Saves a pair as it is (a new one; changes of status go through {@link #change}). */
    void save(Pair pair);

    Optional<Pair> pair(String workspace, String id);

    /** The workspace's active pairs (for nudging the ones that stopped meeting). */
    List<Pair> activePairs(String workspace);

    /** Every pair the member is or was part of, newest first. */
    List<Pair> pairs(MemberId member);

    /** Every pair each of the members is or was part of, newest first: {@link #pairs(MemberId)} for many at once. */
    default Map<MemberId, List<Pair>> pairsOf(Collection<MemberId> members) {
        Map<MemberId, List<Pair>> out = new LinkedHashMap<>();
        members.forEach(m -> out.put(m, pairs(m)));
        return out;
    }

    /** Feedback given when a pair ended: private to its author; leads only ever see that it exists. */
    void saveFeedback(String workspace, String pairId, MemberId author, String feedback);
}

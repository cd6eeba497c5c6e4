package io.tandem.campaigns;

import io.tandem.engine.MemberId;
import io.tandem.matching.PoolMatching;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: programmes and who joined them. Implementations throw {@link io.tandem.engine.StoreUnavailableException}
 * when the store cannot be reached.
 */
public interface CampaignStore {

    /** Saves a new programme; false, and nothing changed, if the workspace has one of that name (even at once). */
    boolean create(Campaign campaign);

    Optional<Campaign> find(String workspace, String name);

    /** Marks the programme closed (as {@code closed} says); false if it was closed already, or is gone. */
    boolean close(Campaign closed);

    /** The workspace's programmes, by name. */
    List<Campaign> all(String workspace);

    /** Adds the member, or changes their role. */
    void join(String workspace, String name, MemberId member, CampaignRole role);

    /** False if the member was not in it. */
    boolean leave(String workspace, String name, MemberId member);

    /** How the member joined, if they did (one read, however many joined). */
    Optional<CampaignRole> role(String workspace, String name, MemberId member);

    /** Who joined, and how. */
    Map<MemberId, CampaignRole> members(String workspace, String name);

    /** Why a learner of a round has no mentor in it. */
    enum LeftOver {
        /** they want to learn nothing the programme covers */
        NOTHING,
        /** nobody in the programme teaches what they want (or only people they may not pair with) */
        NOBODY,
        /** those who teach it have no place left in this round */
        CAPACITY
    }

    /** A learner the round left without a mentor, and why. */
    record Unmatched(MemberId learner, LeftOver why) {}

    /**
     * A matching round as the lead reviewed it: its number in the programme, the pairs it proposed and the learners
     * it left over.
     */
    record ProposedRound(long number, List<PoolMatching.Candidate> pairs, List<Unmatched> unmatched) {
        public ProposedRound {
            pairs = List.copyOf(pairs);
            unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
        }
    }

    /**
     * Keeps the round a lead just reviewed, numbered after the last; a join, a leave, a lead's decision or an
     * erasure drops it (to publish, the lead matches again). It is also kept as the last round proposed, which
     * only an erasure drops, so that the next round can say what changed.
     */
    ProposedRound propose(String workspace, String name, List<PoolMatching.Candidate> pairs, List<Unmatched> unmatched);

    /** The round last reviewed, unless the programme's members or the leads' decisions changed since. */
    Optional<ProposedRound> proposed(String workspace, String name);

    /** The last round proposed, even if it was dropped since: what the next round is compared with. */
    Optional<ProposedRound> lastProposed(String workspace, String name);

    /** How a try to publish a round went. */
    enum Publication {
        /** The first try: publish it. */
        FIRST,
        /** A try after a publication that stopped part way (its claim ran out unfinished): publish the rest. */
        RESUMED,
        /** Someone else is publishing it right now. */
        UNDER_WAY,
        /** It is published. */
        DONE
    }

    /**
     * Claims the publication of a round until {@code until} (extended while it goes on): of two leads or two
     * instances publishing at once, one gets {@link Publication#FIRST}; if its instance stops part way, a try after
     * {@code until} gets {@link Publication#RESUMED}.
     */
    Publication claimPublication(String workspace, String name, long round, Instant now, Instant until);

    /** Keeps a publication's claim until {@code until} while it goes on. */
    void extendPublication(String workspace, String name, long round, Instant until);

    /** The round is published: every later try is {@link Publication#DONE}. */
    void finishPublication(String workspace, String name, long round);

    /** What a lead decided about one learner and one mentor of a programme, for its next rounds. */
    enum Decision {
        PINNED,
        FORBIDDEN
    }

    /** Records the decision (replacing the other one for that pair); the reviewed round is dropped. */
    void decide(String workspace, String name, MemberId learner, MemberId mentor, Decision decision);

    /** The decisions, by {@code [learner, mentor]}. */
    Map<List<MemberId>, Decision> decisions(String workspace, String name);

    /** Records the pairs a published round formed, so the programme's funnel can follow them. */
    void addPairs(String workspace, String name, List<String> pairIds);

    /** The ids of the pairs the programme formed. */
    List<String> pairs(String workspace, String name);

    /** Records that the member was invited; false if they already were (each is invited once). */
    boolean invite(String workspace, String name, MemberId member);

    /** Takes back an invitation that could not be sent, so that the next invite sends it. */
    void uninvite(String workspace, String name, MemberId member);

    /** How many were invited. */
    long invited(String workspace, String name);
}

package io.tandem.recognition;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Port: thanks, and each member's choice to be named for them. Implementations throw
 * {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface ThanksStore {

    void save(Thanks thanks);

    /** The thanks a member received, newest first. */
    List<Thanks> received(MemberId member);

    /** The workspace's thanks given between two moments, both included. */
    List<Thanks> between(String workspace, Instant from, Instant to);

    /** The member's choice: named in the monthly post and helped count on their profile, or not. */
    void choose(MemberId member, boolean named);

    boolean named(MemberId member);

    /** The user ids of the workspace's members who chose to be named. */
    Set<String> named(String workspace);

    /** True the first time only: the member is asked once whether they want to be named. */
    boolean firstAsk(MemberId member);
}

package io.tandem.campaigns;

import io.tandem.engine.MemberId;
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

    /** The workspace's programmes, by name. */
    List<Campaign> all(String workspace);

    /** Adds the member, or changes their role. */
    void join(String workspace, String name, MemberId member, CampaignRole role);

    /** False if the member was not in it. */
    boolean leave(String workspace, String name, MemberId member);

    /** Who joined, and how. */
    Map<MemberId, CampaignRole> members(String workspace, String name);
}

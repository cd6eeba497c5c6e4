package io.tandem.teams;

import io.tandem.engine.MemberId;
import java.util.Optional;

/**
 * Port: where each member's Teams conversation reference is kept (as the SDK's JSON), so Tandem can message them
 * later. Teams only lets a bot message people it has talked to, or who installed it.
 */
public interface TeamsConversations {

    void save(MemberId member, String referenceJson);

    Optional<String> find(MemberId member);
}

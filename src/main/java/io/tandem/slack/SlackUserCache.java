package io.tandem.slack;

import java.time.Duration;
import java.util.Optional;

/** Port: {@code users.info} answers kept for a while, so Slack is asked at most daily about each member. */
public interface SlackUserCache {

    Optional<SlackUser> get(String workspace, String user);

    void put(String workspace, String user, SlackUser info, Duration ttl);
}

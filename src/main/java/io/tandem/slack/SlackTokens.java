package io.tandem.slack;

import java.util.Optional;

/** The bot token to use for a workspace: the single configured one, or the one stored at OAuth install. */
@FunctionalInterface
interface SlackTokens {
    Optional<String> botToken(String workspace);
}

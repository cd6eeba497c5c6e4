package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;

/**
 * One member as one request sees them: the cache or {@code users.info} is asked once, on first need, and every
 * later use in the request gets the same answer. So a request that ends with the member forgotten (forget-me)
 * cannot look them up again and store their name and email back.
 */
final class SlackMember {

    private final SlackDirectory directory;
    private final MethodsClient client;
    private final String team;
    private final String user;
    private final String payloadName;
    private SlackUser known;

    SlackMember(SlackDirectory directory, MethodsClient client, String team, String user, String payloadName) {
        this.directory = directory;
        this.client = client;
        this.team = team;
        this.user = user;
        this.payloadName = payloadName;
    }

    String id() {
        return user;
    }

    synchronized SlackUser info() {
        if (known == null) {
            known = directory.lookup(client, team, user, payloadName);
        }
        return known;
    }

    /** Labels the adapter adds itself (Close, Cancel) in the member's Slack language. */
    Messages messages() {
        return Messages.of(Language.of(info().locale()));
    }
}

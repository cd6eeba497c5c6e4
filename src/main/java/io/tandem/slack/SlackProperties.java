package io.tandem.slack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings ({@code tandem.slack.*}), filled from the usual Slack variables by {@code application.yml}:
 * {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN}, {@code SLACK_CLIENT_ID},
 * {@code SLACK_CLIENT_SECRET}.
 *
 * @param botToken      bot token ({@code xoxb-…}) of a single workspace
 * @param signingSecret verifies that requests come from Slack
 * @param appToken      app-level token ({@code xapp-…}): Socket Mode instead of HTTP
 * @param clientId      with the client secret: OAuth install into several workspaces
 * @param clientSecret  OAuth client secret
 * @param apiUrl        the Web API base URL (a fake or a proxy in tests and staging)
 * @param ackBudget     how long a command may run before Slack is acknowledged and the answer sent later
 * @param threads       threads running commands
 * @param queue         commands waiting for a thread before newcomers are told Tandem is busy
 * @param userCache     how long a member's name, timezone and locale from {@code users.info} are kept
 * @param adminsAreLeads Slack workspace admins and owners count as programme leads
 * @param workspaceRate  messages Tandem sends a workspace per second at most, all instances together (0: no limit
 *                       of Tandem's own; after a 429, a rate learnt from it holds for a minute either way)
 */
@ConfigurationProperties("tandem.slack")
public record SlackProperties(
        String botToken,
        String signingSecret,
        String appToken,
        String clientId,
        String clientSecret,
        @DefaultValue("https://slack.com/api/") String apiUrl,
        @DefaultValue("2s") Duration ackBudget,
        @DefaultValue("16") int threads,
        @DefaultValue("1000") int queue,
        @DefaultValue("24h") Duration userCache,
        @DefaultValue("false") boolean adminsAreLeads,
        @DefaultValue("0") int workspaceRate) {

    boolean singleWorkspace() {
        return present(botToken) && present(signingSecret);
    }

    boolean oauth() {
        return present(clientId) && present(clientSecret) && present(signingSecret);
    }

    boolean socketMode() {
        return present(appToken);
    }

    boolean enabled() {
        return singleWorkspace() || oauth();
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

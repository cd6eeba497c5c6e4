package io.tandem.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import io.tandem.delivery.Pacing;
import io.tandem.delivery.SendResult;
import io.tandem.delivery.Sender;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.StoreUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends notifications proactively into each member's personal chat with Tandem ({@code continueConversation} on
 * the stored reference). Paced ({@link Pacing}) to one message a second per conversation and the tenant's rate; a
 * 429 holds the tenant back for its {@code Retry-After}; 5xx and network errors retry with backoff;
 * a member Tandem has never talked to cannot be messaged in Teams, which is recorded with that reason.
 */
class TeamsSender implements Sender {

    static final String NEVER_TALKED =
            "never talked to Tandem in Teams: a bot can only message people who chatted" + " with it or installed it";

    private final TeamsAdapter adapter;
    private final TeamsConversations conversations;
    private final Pacing pacing;
    private final Clock clock;
    private final JacksonAdapter json = new JacksonAdapter();

    TeamsSender(TeamsAdapter adapter, TeamsConversations conversations, Pacing pacing, Clock clock) {
        this.adapter = adapter;
        this.conversations = conversations;
        this.pacing = pacing;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public SendResult send(Notification n) {
        String tenant = n.recipient().workspace();
        String ticket = pacing.ticket();
        Optional<String> stored;
        try {
            Optional<SendResult> paused = pacing.paused(tenant);
            if (paused.isPresent()) {
                return paused.get();
            }
            stored = conversations.find(n.recipient());
        } catch (StoreUnavailableException e) {
            return storeUnavailable();
        }
        if (stored.isEmpty()) {
            return new SendResult.Failed(NEVER_TALKED);
        }
        ConversationReference reference;
        try {
            reference = json.deserialize(stored.get(), ConversationReference.class);
        } catch (IOException e) {
            return new SendResult.Failed("unreadable conversation reference");
        }
        if (reference == null
                || reference.getConversation() == null
                || reference.getConversation().getId() == null) {
            return new SendResult.Failed("unreadable conversation reference");
        }
        try {
            Optional<SendResult> wait =
                    pacing.admit(tenant, reference.getConversation().getId(), ticket);
            if (wait.isPresent()) {
                return wait.get();
            }
        } catch (StoreUnavailableException e) {
            return storeUnavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry(null, "interrupted", false);
        }
        try {
            adapter.continueConversation(adapter.appId(), reference, turn -> {
                        Activity activity = TeamsActivities.message(n.message());
                        if (!n.recipient().isChannel()) {
                            return turn.sendActivity(activity).thenApply(sent -> null);
                        }
                        // a new post in the channel (not a reply to the conversation's last message)
                        activity.applyConversationReference(reference);
                        ConnectorClient client = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
                        return client.getConversations()
                                .sendToConversation(reference.getConversation().getId(), activity)
                                .thenApply(sent -> null);
                    })
                    .get(30, TimeUnit.SECONDS);
            return SendResult.delivered();
        } catch (ExecutionException e) {
            return failure(tenant, ticket, e.getCause());
        } catch (TimeoutException e) {
            return new SendResult.Retry(null, "timed out", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry(null, "interrupted", false);
        } catch (RuntimeException e) {
            return failure(tenant, ticket, e);
        }
    }

    private SendResult storeUnavailable() {
        return SendResult.Retry.storeUnavailable(clock.instant().plusSeconds(2));
    }

    private SendResult failure(String tenant, String ticket, Throwable e) {
        Throwable cause = e;
        while (cause != null
                && !(cause instanceof RestException)
                && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof RestException rest && rest.response() != null) {
            int status = rest.response().code();
            if (status == 429) {
                return pacing.rateLimited(tenant, retryAfter(rest), ticket);
            }
            if (status >= 500) {
                return new SendResult.Retry(null, "Teams answered " + status, false);
            }
            String code = rest instanceof ErrorResponseException error
                            && error.body() != null
                            && error.body().getError() != null
                    ? error.body().getError().getCode()
                    : "HTTP " + status;
            return new SendResult.Failed("Teams refused: " + code);
        }
        return new SendResult.Retry(null, "network: " + (e == null ? "?" : e.getMessage()), false);
    }

    private static Duration retryAfter(RestException e) {
        String header = e.response().headers().get("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }
}

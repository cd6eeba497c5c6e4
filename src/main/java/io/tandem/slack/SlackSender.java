package io.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import io.tandem.delivery.Delivery;
import io.tandem.delivery.Pacing;
import io.tandem.delivery.SendResult;
import io.tandem.delivery.Sender;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications as Slack DMs: {@code conversations.open} (once per member: the DM's id is kept), then
 * {@code chat.postMessage}, both read without the SDK's per-answer Gson ({@link SlackHotCalls}); a post for the
 * programme channel goes straight to {@code chat.postMessage}. Paced ({@link Pacing}) to one message a second per
 * channel and the workspace's rate; a 429 holds back the whole workspace for {@code Retry-After}; network and
 * server errors are retried with backoff; errors that will never go away ({@code user_not_found},
 * {@code account_inactive}…) are reported as failures with Slack's reason. Each DM carries its delivery's id in
 * message metadata: a delivery in doubt (its instance died mid-send) is looked for in the DM's history first, so it
 * goes out once.
 */
class SlackSender implements Sender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);
    private static final Set<String> PERMANENT = Set.of(
            "user_not_found",
            "account_inactive",
            "user_disabled",
            "channel_not_found",
            "is_archived",
            "not_in_channel",
            "cannot_dm_bot",
            "invalid_auth",
            "not_authed",
            "token_revoked",
            "missing_scope",
            "no_permission",
            "team_access_not_granted",
            "restricted_action",
            "msg_too_long",
            "invalid_blocks",
            "user_is_bot",
            "ekm_access_denied");

    private static final int DM_CACHE = 50_000;
    /** Each DM carries its delivery's id in Slack message metadata, to be found again if that is ever in doubt. */
    static final String METADATA_EVENT = "tandem_delivery";

    static final String METADATA_DELIVERY = "delivery";
    /** Looking for a delivery in doubt: pages of Slack's recommended size, up to 10,000 messages since its claim. */
    private static final int HISTORY_PAGE = 200;

    private static final int HISTORY_PAGES = 50;
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

    private final Slack slack;
    private final SlackTokens tokens;
    private final Pacing pacing;
    private final Clock clock;
    /**
     * The DM channel of each member Tandem wrote to (workspace + user → channel id), so that a message costs one
     * Slack call, not two: a bot's DM with a user keeps its id. The least recently used go beyond the limit.
     */
    private final Map<String, String> dms = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > DM_CACHE;
        }
    });

    SlackSender(Slack slack, SlackTokens tokens, Pacing pacing, Clock clock) {
        this.slack = slack;
        this.tokens = tokens;
        this.pacing = pacing;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public SendResult send(Notification n) {
        return send(n, null);
    }

    @Override
    public SendResult send(Delivery delivery) {
        return send(delivery.notification(), delivery);
    }

    /** {@code delivery} is null for a notification that is not from the queue. */
    private SendResult send(Notification n, Delivery delivery) {
        String workspace = n.recipient().workspace();
        String ticket = null;
        Instant now = clock.instant();
        try {
            Optional<SendResult> paused = pacing.paused(workspace);
            if (paused.isPresent()) {
                return paused.get();
            }
            Optional<String> token = tokens.botToken(slackTeam(workspace));
            if (token.isEmpty()) {
                return new SendResult.Failed("Tandem is not installed in Slack workspace " + slackTeam(workspace));
            }
            MethodsClient client = slack.methods(token.get());
            String channel;
            boolean remembered = false;
            if (n.recipient().isChannel()) {
                // the programme channel: posted to directly (the app must be a member of it)
                channel = n.recipient().channel();
            } else {
                String user = n.recipient().user();
                String known = dms.get(workspace + ":" + user);
                remembered = known != null;
                if (known == null) {
                    Optional<SendResult> opening = pacing.openingPaused(workspace);
                    if (opening.isPresent()) {
                        return opening.get();
                    }
                    ConversationsOpenResponse opened;
                    try {
                        opened = SlackHotCalls.open(client, token.get(), user);
                    } catch (SlackApiException e) {
                        if (e.getResponse() != null && e.getResponse().code() == 429) {
                            return pacing.openingLimited(workspace, retryAfter(e));
                        }
                        throw e;
                    }
                    if (!opened.isOk() && "ratelimited".equals(opened.getError())) {
                        return pacing.openingLimited(workspace, Duration.ofSeconds(1));
                    }
                    Optional<SendResult> problem = problem(opened, workspace, n, null);
                    if (problem.isPresent()) {
                        return problem.get();
                    }
                    known = opened.getChannel().getId();
                    dms.put(workspace + ":" + user, known);
                }
                channel = known;
            }
            if (delivery != null
                    && delivery.inDoubt()
                    && !n.recipient().isChannel()
                    && alreadyPosted(client, channel, delivery)) {
                log.info(
                        "A {} notification to {} had reached Slack before its instance stopped; not sent again",
                        n.kind(),
                        n.recipient());
                return SendResult.delivered();
            }
            ticket = pacing.ticket();
            Optional<SendResult> wait = pacing.admit(workspace, channel, ticket);
            if (wait.isPresent()) {
                return wait.get();
            }
            var posted = SlackHotCalls.post(
                    client,
                    token.get(),
                    ChatPostMessageRequest.builder()
                            .channel(channel)
                            .text(BlockKitRenderer.fallback(n.message()))
                            .blocks(BlockKitRenderer.message(n.message(), null))
                            .metadata(
                                    delivery == null
                                            ? null
                                            : Message.Metadata.builder()
                                                    .eventType(METADATA_EVENT)
                                                    .eventPayload(Map.of(METADATA_DELIVERY, delivery.id()))
                                                    .build())
                            .build());
            if (remembered && !posted.isOk() && "channel_not_found".equals(posted.getError())) {
                dms.remove(workspace + ":" + n.recipient().user());
                return new SendResult.Retry(null, "the DM channel changed; opening it again", false);
            }
            return problem(posted, workspace, n, ticket).orElseGet(SendResult::delivered);
        } catch (SlackApiException e) {
            return fromHttp(e, workspace, n, ticket);
        } catch (StoreUnavailableException e) {
            return SendResult.Retry.storeUnavailable(now.plusSeconds(2));
        } catch (Exception e) {
            return new SendResult.Retry(null, "network: " + e.getMessage(), false);
        }
    }

    /**
     * Whether a message of this delivery is in the DM already (its id is in the message's metadata): a delivery in
     * doubt was claimed by an instance that stopped before saying how it went, perhaps after Slack had it. Only what
     * was posted since it was first claimed can be it (with a margin for clocks that differ), however many messages
     * came since: the history is read page by page. When Slack cannot say ({@code im:history} missing, an error, a
     * history too long to read), false: better twice than never.
     */
    private static boolean alreadyPosted(MethodsClient client, String channel, Delivery delivery) {
        String oldest =
                String.valueOf(delivery.firstClaimed().minus(CLOCK_MARGIN).getEpochSecond());
        String cursor = null;
        try {
            for (int page = 0; page < HISTORY_PAGES; page++) {
                String from = cursor;
                var history = client.conversationsHistory(r -> r.channel(channel)
                        .includeAllMetadata(true)
                        .limit(HISTORY_PAGE)
                        .oldest(oldest)
                        .cursor(from));
                if (!history.isOk() || history.getMessages() == null) {
                    log.info("Could not check a DM's history before sending again: {}", history.getError());
                    return false;
                }
                if (history.getMessages().stream()
                        .map(Message::getMetadata)
                        .anyMatch(m -> m != null
                                && METADATA_EVENT.equals(m.getEventType())
                                && m.getEventPayload() != null
                                && delivery.id()
                                        .equals(String.valueOf(
                                                m.getEventPayload().get(METADATA_DELIVERY))))) {
                    return true;
                }
                cursor = history.getResponseMetadata() == null
                        ? null
                        : history.getResponseMetadata().getNextCursor();
                if (!history.isHasMore() || cursor == null || cursor.isEmpty()) {
                    return false;
                }
            }
            log.info(
                    "A DM's history since a delivery in doubt is longer than {} messages; sending it again",
                    HISTORY_PAGES * HISTORY_PAGE);
            return false;
        } catch (Exception e) {
            log.info("Could not check a DM's history before sending again: {}", e.toString());
            return false;
        }
    }

    /** Reads Slack's {@code ok:false} answers: rate limits wait, the permanent ones fail, the rest retry. */
    private Optional<SendResult> problem(
            SlackApiTextResponse response, String workspace, Notification n, String ticket) {
        if (response.isOk()) {
            return Optional.empty();
        }
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if ("ratelimited".equals(error)) {
            return Optional.of(rateLimited(workspace, Duration.ofSeconds(1), ticket));
        }
        if (PERMANENT.contains(error)) {
            return Optional.of(new SendResult.Failed(error));
        }
        log.warn("Slack answered {} to a {} notification for {}; will retry", error, n.kind(), n.recipient());
        return Optional.of(new SendResult.Retry(null, error, false));
    }

    private SendResult fromHttp(SlackApiException e, String workspace, Notification n, String ticket) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return rateLimited(workspace, retryAfter(e), ticket);
        }
        if (e.getError() != null
                && e.getError().getError() != null
                && PERMANENT.contains(e.getError().getError())) {
            return new SendResult.Failed(e.getError().getError());
        }
        return new SendResult.Retry(null, "HTTP " + status, false);
    }

    /** A 429's {@code Retry-After}, at least a second (one second when it is missing or unreadable). */
    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }

    private SendResult rateLimited(String workspace, Duration wait, String ticket) {
        return pacing.rateLimited(workspace, wait, ticket);
    }

    /** {@code slack:T123} → {@code T123}. */
    static String slackTeam(String workspace) {
        return workspace.startsWith("slack:") ? workspace.substring("slack:".length()) : workspace;
    }
}

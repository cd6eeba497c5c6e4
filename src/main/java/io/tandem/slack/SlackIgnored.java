package io.tandem.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.handler.UnmatchedRequestHandler;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed requests Tandem has no use for: an edited or deleted DM, a bot's message, a reaction, a closed modal, a
 * shortcut, a legacy dialog, an event type Slack adds later. Bolt answers those 404 (with a warning and a code
 * suggestion in the log), which Slack counts as failed deliveries, and enough of them turn the app's event
 * subscriptions off. They are not Tandem's business, so they are acknowledged with one debug line. Bolt gets here
 * only after its signature check: a forged request is still a 401.
 */
final class SlackIgnored implements UnmatchedRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(SlackIgnored.class);
    private static final Pattern ANY = Pattern.compile(".*");

    private SlackIgnored() {}

    /**
     * Events with no handler are acknowledged by Bolt itself (at debug level); anything else falls to this. Bolt's
     * self-event filter is off: it asks {@code bots.info} about every bot message and fails (a 400 here) when Slack
     * does not answer with the bot, while Tandem's handlers already leave every bot's message alone.
     */
    static void configure(AppConfig.AppConfigBuilder config) {
        config.allEventsApiAutoAckEnabled(true)
                .ignoringSelfEventsEnabled(false)
                .unmatchedRequestHandler(new SlackIgnored());
    }

    /** The interactions Tandem offers none of, acknowledged before Bolt would warn about each. */
    static void register(App app) {
        app.viewClosed(ANY, (req, ctx) -> ignored("view_closed", ctx.ack()));
        app.messageShortcut(ANY, (req, ctx) -> ignored("message_action", ctx.ack()));
        app.globalShortcut(ANY, (req, ctx) -> ignored("shortcut", ctx.ack()));
        app.dialogSubmission(ANY, (req, ctx) -> ignored("dialog_submission", ctx.ack()));
        app.dialogCancellation(ANY, (req, ctx) -> ignored("dialog_cancellation", ctx.ack()));
        app.dialogSuggestion(ANY, (req, ctx) -> ignored("dialog_suggestion", ctx.ack()));
        app.attachmentAction(ANY, (req, ctx) -> ignored("interactive_message", ctx.ack()));
        app.blockSuggestion(ANY, (req, ctx) -> ignored("block_suggestion", ctx.ack()));
    }

    @Override
    public Response handle(Request<?> request) {
        return ignored(
                request.getRequestType()
                        + (request instanceof EventRequest e ? " (" + e.getEventTypeAndSubtype() + ")" : ""),
                Response.ok());
    }

    private static Response ignored(String what, Response ack) {
        log.debug("Ignored a Slack {}", what);
        return ack;
    }
}

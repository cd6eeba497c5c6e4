package io.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt handlers: each kind of Slack request is checked, translated into a {@link ChatEvent} ({@link SlackEvents}),
 * handed to the engine within the acknowledgement's time ({@link AckBudget}) and answered where it came from
 * ({@link SlackReplies}); events Slack sends again are handled once ({@link EventRetries}), a CSV shared in the DM
 * is a roster ({@link RosterUpload}). Commands run on a bounded pool; when it is full the member is told Tandem is
 * busy rather than left waiting.
 */
final class SlackHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);
    private static final Pattern ANY = Pattern.compile(".*");

    private final SlackEvents events;
    private final EventRetries retries;
    private final AckBudget budget;
    private final SlackCharts charts;
    private final RosterUpload rosters;
    /** The app's Slack (its HTTP client), once registered: late answers go out through it. */
    private Slack slack;

    SlackHandlers(
            SlackEvents events, EventRetries retries, AckBudget budget, SlackCharts charts, RosterUpload rosters) {
        this.events = events;
        this.retries = retries;
        this.budget = budget;
        this.charts = charts;
        this.rosters = rosters;
    }

    void register(App app) {
        this.slack = app.slack();
        app.command("/mentor", this::command);
        app.command("/stats", this::command);
        app.blockAction(ANY, this::action);
        app.viewSubmission(ANY, this::submission);
        app.event(AppMentionEvent.class, this::mention);
        app.event(MessageEvent.class, this::directMessage);
        app.event(MessageFileShareEvent.class, this::fileShared);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
    }

    // ---- slash commands

    Response command(SlashCommandRequest request, SlashCommandContext ctx) {
        var p = request.getPayload();
        if (SlackEvents.anonymous(p.getTeamId(), p.getEnterpriseId(), p.getUserId())) {
            return SlackEvents.refused("slash command");
        }
        String line = p.getCommand() + " " + (p.getText() == null ? "" : p.getText());
        String workspace = SlackEvents.workspace(p.getTeamId(), p.getEnterpriseId());
        SlackMember who = events.member(ctx, workspace, p.getUserId(), p.getUserName());
        Supplier<Reply> work = () -> {
            Reply reply = events.handle(workspace, SlackEvents.textEvent(who, workspace, p.getChannelId(), line));
            try {
                return charts.uploaded(
                        ctx.client(), p.getUserId(), reply, () -> who.messages().get("slack.chart.uploaded"));
            } catch (StoreUnavailableException e) {
                // the adapter's own store work fails as the engine's would: said in the member's language
                log.warn("Slack chart upload: store unavailable: {}", e.getMessage());
                return Reply.text(who.messages().get("error.unavailable"));
            }
        };
        try {
            // Only forms need the label, and it costs a users.info lookup on a cold cache: ask when needed.
            Supplier<String> cancel = () -> who.messages().get("slack.cancel");
            Optional<Reply> reply = budget.within(
                    work,
                    later -> SlackReplies.respond(
                            ctx.client(),
                            later,
                            p.getTriggerId(),
                            line,
                            cancel,
                            r -> SlackHotCalls.respond(slack, p.getResponseUrl(), r)));
            if (reply.isEmpty()) {
                return ctx.ack();
            }
            return SlackReplies.acknowledge(ctx, reply.get(), p.getTriggerId(), line, cancel);
        } catch (RejectedExecutionException e) {
            return ctx.ack(busy(who.messages()));
        }
    }

    // ---- buttons

    Response action(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        if (SlackEvents.anonymous(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId(),
                p.getUser() == null ? null : p.getUser().getId())) {
            return SlackEvents.refused("block_actions");
        }
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return ctx.ack();
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String workspace = SlackEvents.workspace(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId());
        String user = p.getUser().getId();
        SlackMember who = events.member(ctx, workspace, user, p.getUser().getName());
        String channel = p.getChannel() == null ? null : p.getChannel().getId();
        SlackSurface surface = SlackSurface.of(
                p.getContainer() == null ? null : p.getContainer().getType(),
                p.getView() == null ? null : p.getView().getType());
        Supplier<Reply> work = () -> events.handle(workspace, events.buttonEvent(who, workspace, channel, a));
        Consumer<Reply> send = reply -> SlackReplies.answerAction(ctx, p, surface, who.messages(), reply);
        try {
            budget.within(work, send).ifPresent(send);
        } catch (RejectedExecutionException e) {
            log.warn("Slack action refused: Tandem is busy");
        }
        return ctx.ack();
    }

    // ---- modals

    Response submission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        if (SlackEvents.anonymous(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId(),
                p.getUser() == null ? null : p.getUser().getId())) {
            return SlackEvents.refused("view_submission");
        }
        if (p.getView() == null || p.getView().getCallbackId() == null) {
            return ctx.ack();
        }
        String workspace = SlackEvents.workspace(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId());
        Map<String, String> fields = BlockKitRenderer.fields(p.getView().getState());
        String user = p.getUser().getId();
        SlackMember who = events.member(ctx, workspace, user, p.getUser().getName());
        Supplier<Reply> work = () -> events.handle(workspace, events.submissionEvent(who, workspace, p, fields));
        try {
            Optional<Reply> reply = budget.within(work, late -> SlackReplies.dm(ctx.client(), user, late));
            if (reply.isEmpty()) {
                return ctx.ack();
            }
            return SlackReplies.acknowledge(ctx, p, who, reply.get());
        } catch (RejectedExecutionException e) {
            return ctx.ackWithErrors(Map.of(
                    fields.keySet().stream().findFirst().orElse("x"),
                    who.messages().get("slack.busy")));
        }
    }

    // ---- events

    Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent e = payload.getEvent();
        if (!retries.firstTime(payload) || e.getUser() == null || e.getBotId() != null) {
            return ctx.ack();
        }
        String workspace = SlackEvents.workspace(payload.getTeamId(), payload.getEnterpriseId());
        return budget.submit(payload, ctx, () -> {
            Reply reply = events.handle(
                    workspace,
                    SlackEvents.textEvent(
                            events.member(ctx, workspace, e.getUser(), null), workspace, e.getChannel(), e.getText()));
            SlackReplies.post(
                    ctx.client(),
                    e.getChannel(),
                    e.getUser(),
                    reply,
                    e.getText(),
                    e.getThreadTs() != null ? e.getThreadTs() : e.getTs());
        });
    }

    Response directMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        // only what a person writes to Tandem in its DM: not bots (Tandem included), edits or channel messages
        if (!"im".equals(e.getChannelType())
                || e.getBotId() != null
                || e.getSubtype() != null
                || e.getUser() == null
                || !retries.firstTime(payload)) {
            return ctx.ack();
        }
        String workspace = SlackEvents.workspace(payload.getTeamId(), payload.getEnterpriseId());
        return budget.submit(payload, ctx, () -> {
            Reply reply = events.handle(
                    workspace,
                    SlackEvents.textEvent(
                            events.member(ctx, workspace, e.getUser(), null), workspace, e.getChannel(), e.getText()));
            SlackReplies.post(ctx.client(), e.getChannel(), null, reply, e.getText(), null);
        });
    }

    /** A CSV shared in Tandem's DM is a roster for {@code /mentor admin import} (leads only, as the command). */
    Response fileShared(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
        var e = payload.getEvent();
        if (!"im".equals(e.getChannelType()) || e.getUser() == null || e.getFiles() == null) {
            return ctx.ack();
        }
        Optional<File> csv = RosterUpload.csv(e);
        if (csv.isEmpty() || !retries.firstTime(payload)) {
            return ctx.ack();
        }
        String workspace = SlackEvents.workspace(payload.getTeamId(), payload.getEnterpriseId());
        String token = ctx.getBotToken();
        return budget.submit(payload, ctx, () -> rosters.upload(ctx, workspace, token, e, csv.get()));
    }

    Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent e = payload.getEvent();
        if (!"home".equals(e.getTab()) || e.getUser() == null || !retries.firstTime(payload)) {
            return ctx.ack();
        }
        String workspace = SlackEvents.workspace(payload.getTeamId(), payload.getEnterpriseId());
        return budget.submit(payload, ctx, () -> {
            Reply home = events.home(
                    workspace,
                    SlackEvents.textEvent(
                            events.member(ctx, workspace, e.getUser(), null), workspace, e.getChannel(), ""));
            SlackReplies.publishHome(ctx.client(), e.getUser(), home);
        });
    }

    private static String busy(Messages messages) {
        return messages.get("slack.busy");
    }
}

package io.tandem.slack;

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
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.tandem.engine.Action;
import io.tandem.engine.Block;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Messages;
import io.tandem.engine.Once;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.engine.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt handlers: translate what Slack sends into {@link ChatEvent}s, hand them to the engine, send the replies
 * back as Block Kit. Slack wants an acknowledgement within 3 seconds: the engine gets {@code ackBudget} to answer
 * in the acknowledgement itself; past that, Slack is acknowledged and the answer follows through
 * {@code response_url} (or a message, or a view). Commands run on a bounded pool; when it is full the member is
 * told Tandem is busy rather than left waiting.
 */
final class SlackHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);
    private static final Pattern ANY = Pattern.compile(".*");
    private static final Duration EVENT_WINDOW = Duration.ofHours(1);

    private final ConversationEngine engine;
    private final SlackDirectory directory;
    private final Once once;
    private final ExecutorService executor;
    private final Duration budget;
    private final SlackCharts charts;
    private final SlackRosterFiles rosters;
    private final SlackValues values;
    private final java.util.function.Predicate<io.tandem.engine.MemberId> isLead;

    SlackHandlers(
            ConversationEngine engine,
            SlackDirectory directory,
            Once once,
            ExecutorService executor,
            Duration budget,
            SlackCharts charts,
            SlackRosterFiles rosters,
            java.util.function.Predicate<io.tandem.engine.MemberId> isLead,
            SlackValues values) {
        this.values = values;
        this.rosters = rosters;
        this.isLead = isLead;
        this.charts = charts;
        this.engine = engine;
        this.directory = directory;
        this.once = once;
        this.executor = executor;
        this.budget = budget;
    }

    void register(App app) {
        app.command("/mentor", this::command);
        app.command("/stats", this::command);
        app.blockAction(ANY, this::action);
        app.viewSubmission(ANY, this::submission);
        app.event(AppMentionEvent.class, this::mention);
        app.event(MessageEvent.class, this::directMessage);
        app.event(com.slack.api.model.event.MessageFileShareEvent.class, this::fileShared);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
    }

    // ---- slash commands

    Response command(SlashCommandRequest request, SlashCommandContext ctx) {
        var p = request.getPayload();
        if (anonymous(p.getTeamId(), p.getEnterpriseId(), p.getUserId())) {
            return refused("slash command");
        }
        String line = p.getCommand() + " " + (p.getText() == null ? "" : p.getText());
        String workspace = workspace(p.getTeamId(), p.getEnterpriseId());
        SlackMember who = member(ctx, workspace, p.getUserId(), p.getUserName());
        Supplier<Reply> work = () -> {
            Reply reply = handle(workspace, textEvent(who, workspace, p.getChannelId(), line));
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
            Optional<Reply> reply = within(
                    work, later -> respond(ctx.client(), later, p.getTriggerId(), line, cancel, r -> ctx.respond(r)));
            if (reply.isEmpty()) {
                return ctx.ack();
            }
            Optional<Block.Form> form = BlockKitRenderer.form(reply.get());
            if (form.isPresent() && openModal(ctx.client(), p.getTriggerId(), form.get(), cancel.get())) {
                return ctx.ack();
            }
            return ctx.ack(r -> r.responseType(responseType(reply.get()))
                    .text(BlockKitRenderer.fallback(reply.get()))
                    .blocks(BlockKitRenderer.message(reply.get(), line)));
        } catch (RejectedExecutionException e) {
            return ctx.ack(busy(who.messages()));
        }
    }

    /** Sends an answer that missed the acknowledgement: a modal if it is a form, else through response_url. */
    private void respond(
            MethodsClient client,
            Reply reply,
            String triggerId,
            String line,
            Supplier<String> cancel,
            Responder responder) {
        Optional<Block.Form> form = BlockKitRenderer.form(reply);
        if (form.isPresent() && openModal(client, triggerId, form.get(), cancel.get())) {
            return;
        }
        try {
            responder.respond(com.slack.api.app_backend.slash_commands.response.SlashCommandResponse.builder()
                    .responseType(responseType(reply))
                    .text(BlockKitRenderer.fallback(reply))
                    .blocks(BlockKitRenderer.message(reply, line))
                    .build());
        } catch (Exception e) {
            log.warn("Could not send a late answer through response_url: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Responder {
        void respond(com.slack.api.app_backend.slash_commands.response.SlashCommandResponse response) throws Exception;
    }

    // ---- buttons

    Response action(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        if (anonymous(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId(),
                p.getUser() == null ? null : p.getUser().getId())) {
            return refused("block_actions");
        }
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return ctx.ack();
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String workspace = workspace(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId());
        String user = p.getUser().getId();
        SlackMember who = member(ctx, workspace, user, p.getUser().getName());
        String channel = p.getChannel() == null ? null : p.getChannel().getId();
        SlackSurface surface = SlackSurface.of(
                p.getContainer() == null ? null : p.getContainer().getType(),
                p.getView() == null ? null : p.getView().getType());
        Supplier<Reply> work = () -> {
            if (BlockKitRenderer.OPEN_FORM.equals(a.getActionId())) {
                return handle(
                        workspace,
                        textEvent(
                                who,
                                workspace,
                                channel,
                                a.getValue() == null ? "" : values.resolve(workspace, a.getValue())));
            }
            String value = values.resolve(
                    workspace,
                    a.getValue() != null
                            ? a.getValue()
                            : a.getSelectedOption() != null
                                    ? a.getSelectedOption().getValue()
                                    : "");
            SlackUser info = who.info();
            return handle(
                    workspace,
                    ChatEvent.action(
                            Platform.SLACK,
                            workspace,
                            user,
                            info.name(),
                            info.locale(),
                            info.zone(),
                            channel,
                            new Action(BlockKitRenderer.engineAction(a.getActionId()), value, Map.of())));
        };
        Consumer<Reply> send = reply -> answerAction(ctx, p, surface, who.messages(), reply);
        try {
            within(work, send).ifPresent(send);
        } catch (RejectedExecutionException e) {
            log.warn("Slack action refused: Tandem is busy");
        }
        return ctx.ack();
    }

    private void answerAction(ActionContext ctx, BlockActionPayload p, SlackSurface surface, Messages m, Reply reply) {
        MethodsClient client = ctx.client();
        Optional<Block.Form> form = BlockKitRenderer.form(reply);
        try {
            if (form.isPresent()) {
                if (surface == SlackSurface.MODAL) {
                    client.viewsUpdate(r -> r.viewId(p.getView().getId())
                            .view(BlockKitRenderer.modal(form.get(), m.get("slack.cancel"))));
                } else {
                    openModal(client, p.getTriggerId(), form.get(), m.get("slack.cancel"));
                }
                return;
            }
            switch (surface) {
                case HOME ->
                    client.viewsOpen(r -> r.triggerId(p.getTriggerId())
                            .view(BlockKitRenderer.modal(reply, m.get("slack.title"), m.get("slack.close"))));
                case MODAL ->
                    client.viewsUpdate(r -> r.viewId(p.getView().getId())
                            .view(BlockKitRenderer.modal(reply, m.get("slack.title"), m.get("slack.close"))));
                case MESSAGE ->
                    ctx.respond(r -> r.responseType(responseType(reply))
                            .replaceOriginal(false)
                            .text(BlockKitRenderer.fallback(reply))
                            .blocks(BlockKitRenderer.message(reply, null)));
            }
        } catch (Exception e) {
            log.warn("Could not answer a Slack button: {}", e.getMessage());
        }
    }

    // ---- modals

    Response submission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        if (anonymous(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId(),
                p.getUser() == null ? null : p.getUser().getId())) {
            return refused("view_submission");
        }
        if (p.getView() == null || p.getView().getCallbackId() == null) {
            return ctx.ack();
        }
        String workspace = workspace(
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getEnterprise() == null ? null : p.getEnterprise().getId());
        Map<String, String> fields = BlockKitRenderer.fields(p.getView().getState());
        String user = p.getUser().getId();
        SlackMember who = member(ctx, workspace, user, p.getUser().getName());
        Supplier<Reply> work = () -> {
            SlackUser info = who.info();
            return handle(
                    workspace,
                    ChatEvent.action(
                            Platform.SLACK,
                            workspace,
                            user,
                            info.name(),
                            info.locale(),
                            info.zone(),
                            null,
                            new Action(
                                    p.getView().getCallbackId(),
                                    p.getView().getPrivateMetadata() == null
                                            ? ""
                                            : values.resolve(
                                                    workspace, p.getView().getPrivateMetadata()),
                                    fields)));
        };
        try {
            Optional<Reply> reply = within(work, late -> dm(ctx.client(), user, late));
            if (reply.isEmpty()) {
                return ctx.ack();
            }
            Optional<Block.Form> form = BlockKitRenderer.form(reply.get());
            if (form.isPresent()
                    && !form.get().errors().isEmpty()
                    && form.get().actionId().equals(p.getView().getCallbackId())) {
                return ctx.ackWithErrors(BlockKitRenderer.errors(form.get()));
            }
            Messages m = who.messages();
            if (form.isPresent()) {
                return ctx.ackWithUpdate(BlockKitRenderer.modal(form.get(), m.get("slack.cancel")));
            }
            return ctx.ackWithUpdate(BlockKitRenderer.modal(reply.get(), m.get("slack.title"), m.get("slack.close")));
        } catch (RejectedExecutionException e) {
            return ctx.ackWithErrors(Map.of(
                    fields.keySet().stream().findFirst().orElse("x"),
                    who.messages().get("slack.busy")));
        }
    }

    // ---- events

    Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent e = payload.getEvent();
        if (!firstTime(payload) || e.getUser() == null || e.getBotId() != null) {
            return ctx.ack();
        }
        String workspace = workspace(payload.getTeamId(), payload.getEnterpriseId());
        return submit(payload, ctx, () -> {
            Reply reply = handle(
                    workspace,
                    textEvent(member(ctx, workspace, e.getUser(), null), workspace, e.getChannel(), e.getText()));
            post(
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
                || !firstTime(payload)) {
            return ctx.ack();
        }
        String workspace = workspace(payload.getTeamId(), payload.getEnterpriseId());
        return submit(payload, ctx, () -> {
            Reply reply = handle(
                    workspace,
                    textEvent(member(ctx, workspace, e.getUser(), null), workspace, e.getChannel(), e.getText()));
            post(ctx.client(), e.getChannel(), null, reply, e.getText(), null);
        });
    }

    /** A CSV shared in Tandem's DM is a roster for {@code /mentor admin import} (leads only, as the command). */
    Response fileShared(EventsApiPayload<com.slack.api.model.event.MessageFileShareEvent> payload, EventContext ctx) {
        var e = payload.getEvent();
        if (!"im".equals(e.getChannelType()) || e.getUser() == null || e.getFiles() == null) {
            return ctx.ack();
        }
        Optional<com.slack.api.model.File> csv =
                e.getFiles().stream().filter(SlackRosterFiles::isCsv).findFirst();
        if (csv.isEmpty() || !firstTime(payload)) {
            return ctx.ack();
        }
        String workspace = workspace(payload.getTeamId(), payload.getEnterpriseId());
        String token = ctx.getBotToken();
        return submit(payload, ctx, () -> {
            SlackMember who = member(ctx, workspace, e.getUser(), null);
            ChatEvent asked = textEvent(who, workspace, e.getChannel(), "/mentor admin import");
            boolean lead;
            try {
                lead = isLead.test(asked.member());
            } catch (StoreUnavailableException unavailable) {
                post(
                        ctx.client(),
                        e.getChannel(),
                        null,
                        Reply.text(who.messages().get("error.unavailable")),
                        null,
                        null);
                return;
            }
            if (!lead) {
                // nothing is downloaded for someone who may not import: the engine refuses them as for the command
                post(ctx.client(), e.getChannel(), null, handle(workspace, asked), null, null);
                return;
            }
            Optional<String> content = rosters.download(csv.get(), token);
            List<String> parts = content.map(SlackRosterFiles::parts).orElse(List.of());
            if (parts.isEmpty()) {
                post(
                        ctx.client(),
                        e.getChannel(),
                        null,
                        Reply.text(who.messages().get("slack.roster.unreadable")),
                        null,
                        null);
                return;
            }
            for (int i = 0; i < parts.size(); i++) {
                Reply reply = handle(
                        workspace, textEvent(who, workspace, e.getChannel(), "/mentor admin import\n" + parts.get(i)));
                if (parts.size() > 1) {
                    Reply.Builder withPart =
                            Reply.builder().text(who.messages().get("slack.roster.part", i + 1, parts.size()));
                    reply.blocks().forEach(withPart::block);
                    reply = withPart.build();
                }
                post(ctx.client(), e.getChannel(), null, reply, null, null);
            }
        });
    }

    Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent e = payload.getEvent();
        if (!"home".equals(e.getTab()) || e.getUser() == null || !firstTime(payload)) {
            return ctx.ack();
        }
        String workspace = workspace(payload.getTeamId(), payload.getEnterpriseId());
        return submit(payload, ctx, () -> {
            Reply home = values.shrink(
                    workspace,
                    engine.home(textEvent(member(ctx, workspace, e.getUser(), null), workspace, e.getChannel(), "")));
            try {
                var published =
                        ctx.client().viewsPublish(r -> r.userId(e.getUser()).view(BlockKitRenderer.home(home)));
                if (!published.isOk()) {
                    log.warn("views.publish for {} answered {}", e.getUser(), published.getError());
                }
            } catch (Exception ex) {
                log.warn("views.publish failed: {}", ex.getMessage());
            }
        });
    }

    /** Slack re-sends an event it thinks was missed; every instance shares this guard, so it is handled once. */
    private boolean firstTime(EventsApiPayload<?> payload) {
        if (payload.getEventId() == null) {
            return true;
        }
        try {
            return once.first("slack:event:" + payload.getEventId(), EVENT_WINDOW);
        } catch (StoreUnavailableException e) {
            return true;
        }
    }

    /** An answer to a mention or a DM: in the conversation, or to the asker only (ephemeral) when private. */
    private static void post(
            MethodsClient client, String channel, String asker, Reply reply, String line, String threadTs) {
        try {
            if (reply.visibility() == Visibility.ASKER && asker != null) {
                var r = client.chatPostEphemeral(q -> q.channel(channel)
                        .user(asker)
                        .threadTs(threadTs)
                        .text(BlockKitRenderer.fallback(reply))
                        .blocks(BlockKitRenderer.message(reply, line)));
                if (!r.isOk()) {
                    log.warn("chat.postEphemeral answered {}", r.getError());
                }
            } else {
                var r = client.chatPostMessage(q -> q.channel(channel)
                        .threadTs(threadTs)
                        .text(BlockKitRenderer.fallback(reply))
                        .blocks(BlockKitRenderer.message(reply, line)));
                if (!r.isOk()) {
                    log.warn("chat.postMessage answered {}", r.getError());
                }
            }
        } catch (Exception e) {
            log.warn("Could not answer in Slack: {}", e.getMessage());
        }
    }

    private static void dm(MethodsClient client, String user, Reply reply) {
        post(client, user, null, reply, null, null);
    }

    private boolean openModal(MethodsClient client, String triggerId, Block.Form form, String cancel) {
        if (triggerId == null) {
            return false;
        }
        try {
            var opened = client.viewsOpen(r -> r.triggerId(triggerId).view(BlockKitRenderer.modal(form, cancel)));
            if (opened.isOk()) {
                return true;
            }
            log.warn("views.open answered {}", opened.getError());
        } catch (Exception e) {
            log.warn("views.open failed: {}", e.getMessage());
        }
        return false;
    }

    /** The engine's answer, with values too long for Block Kit kept aside ({@link SlackValues}). */
    private Reply handle(String workspace, ChatEvent event) {
        return values.shrink(workspace, engine.handle(event));
    }

    /** The member behind this request, looked up at most once whatever the request does. */
    private SlackMember member(
            com.slack.api.bolt.context.Context ctx, String workspace, String user, String payloadName) {
        return new SlackMember(directory, ctx.client(), workspace, user, payloadName);
    }

    private static ChatEvent textEvent(SlackMember who, String workspace, String channel, String text) {
        SlackUser info = who.info();
        return ChatEvent.text(
                Platform.SLACK,
                workspace,
                who.id(),
                info.name(),
                info.locale(),
                info.zone(),
                channel,
                text == null ? "" : text,
                List.of());
    }

    /**
     * Runs {@code work} on the pool and waits up to the budget: the result if it came in time, else empty, and
     * {@code later} gets the result when it comes.
     */
    private <T> Optional<T> within(Supplier<T> work, Consumer<T> later) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, executor);
        try {
            return Optional.of(future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.thenAccept(later).exceptionally(failure -> {
                log.error("A slow Slack answer failed", failure);
                return null;
            });
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.thenAccept(later);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs an event's work after the acknowledgement. When the pool is full the event is not acknowledged
     * (503) and forgotten by the guard, so that Slack's retry is handled: nothing is dropped.
     */
    private Response submit(EventsApiPayload<?> payload, EventContext ctx, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Handling a Slack event failed", e);
                }
            });
            return ctx.ack();
        } catch (RejectedExecutionException e) {
            log.warn("Slack event {} refused: Tandem is busy; Slack will send it again", payload.getEventId());
            if (payload.getEventId() != null) {
                try {
                    once.forget("slack:event:" + payload.getEventId());
                } catch (StoreUnavailableException ignored) {
                    // the guard's key expires on its own
                }
            }
            return Response.builder().statusCode(503).build();
        }
    }

    private static String responseType(Reply reply) {
        return reply.visibility() == Visibility.CONVERSATION ? "in_channel" : "ephemeral";
    }

    private static String busy(Messages messages) {
        return messages.get("slack.busy");
    }

    /**
     * Slack always names the member and their workspace or org: a payload naming neither comes from no real click
     * or command. It is refused before any work, so the engine never sees a member of workspace "unknown".
     */
    static boolean anonymous(String teamId, String enterpriseId, String userId) {
        return userId == null
                || userId.isBlank()
                || (teamId == null || teamId.isBlank()) && (enterpriseId == null || enterpriseId.isBlank());
    }

    private static Response refused(String kind) {
        log.warn("Refused a Slack {} that names no member or no workspace", kind);
        return Response.builder()
                .statusCode(400)
                .contentType("text/plain;charset=UTF-8")
                .body("Malformed Slack payload: no member or workspace")
                .build();
    }

    /** A member of an Enterprise Grid org-wide install may come without a team: the enterprise is the workspace. */
    static String workspace(String teamId, String enterpriseId) {
        return teamId != null && !teamId.isBlank() ? teamId : enterpriseId == null ? "unknown" : enterpriseId;
    }
}

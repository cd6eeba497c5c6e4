package io.tandem.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import io.tandem.engine.Block;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.engine.Visibility;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine's replies go back in Slack: the acknowledgement, a modal, {@code response_url}, a message in
 * the conversation, to the asker only (ephemeral), or a DM.
 */
final class SlackReplies {

    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

    private SlackReplies() {}

    /**
     * A command's answer in time: a modal if it is a form, with what the reply says beside it in the
     * acknowledgement; else all in the acknowledgement.
     */
    static Response acknowledge(
            SlashCommandContext ctx, Reply reply, String triggerId, String line, Supplier<String> cancel) {
        Optional<Block.Form> form = BlockKitRenderer.form(reply);
        if (form.isPresent() && openModal(ctx.client(), triggerId, form.get(), cancel.get())) {
            Optional<Reply> beside = reply.besideForms();
            if (beside.isEmpty()) {
                return ctx.ack();
            }
            return ctx.ack(r -> r.responseType(responseType(beside.get()))
                    .text(BlockKitRenderer.fallback(beside.get()))
                    .blocks(BlockKitRenderer.message(beside.get(), null)));
        }
        return ctx.ack(r -> r.responseType(responseType(reply))
                .text(BlockKitRenderer.fallback(reply))
                .blocks(BlockKitRenderer.message(reply, line)));
    }

    /** Sends an answer that missed the acknowledgement: a modal if it is a form, else through response_url. */
    static void respond(
            MethodsClient client,
            Reply reply,
            String triggerId,
            String line,
            Supplier<String> cancel,
            Responder responder) {
        Optional<Block.Form> form = BlockKitRenderer.form(reply);
        Reply shown = reply;
        String reopen = line;
        if (form.isPresent() && openModal(client, triggerId, form.get(), cancel.get())) {
            Optional<Reply> beside = reply.besideForms();
            if (beside.isEmpty()) {
                return;
            }
            shown = beside.get();
            reopen = null;
        }
        try {
            responder.respond(SlashCommandResponse.builder()
                    .responseType(responseType(shown))
                    .text(BlockKitRenderer.fallback(shown))
                    .blocks(BlockKitRenderer.message(shown, reopen))
                    .build());
        } catch (Exception e) {
            log.warn("Could not send a late answer through response_url: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    interface Responder {
        void respond(SlashCommandResponse response) throws Exception;
    }

    /**
     * A button's answer where it was clicked: in the modal or a new one, else under the message. A form clicked
     * open from a message comes as a modal, and what the reply says beside it under the message; if the modal
     * cannot open, the whole reply goes under the message.
     */
    static void answerAction(ActionContext ctx, BlockActionPayload p, SlackSurface surface, Messages m, Reply reply) {
        MethodsClient client = ctx.client();
        Optional<Block.Form> form = BlockKitRenderer.form(reply);
        try {
            Reply shown = reply;
            if (form.isPresent()) {
                if (surface == SlackSurface.MODAL) {
                    client.viewsUpdate(r -> r.viewId(p.getView().getId())
                            .view(BlockKitRenderer.modal(form.get(), m.get("slack.cancel"))));
                    return;
                }
                if (openModal(client, p.getTriggerId(), form.get(), m.get("slack.cancel"))) {
                    Optional<Reply> beside = reply.besideForms();
                    if (beside.isEmpty() || surface != SlackSurface.MESSAGE) {
                        return;
                    }
                    shown = beside.get();
                } else if (surface != SlackSurface.MESSAGE) {
                    return;
                }
            }
            show(ctx, p, surface, m, shown, client);
        } catch (Exception e) {
            log.warn("Could not answer a Slack button: {}", e.getMessage());
        }
    }

    /** A reply with no form, where the button was clicked. */
    private static void show(
            ActionContext ctx,
            BlockActionPayload p,
            SlackSurface surface,
            Messages m,
            Reply reply,
            MethodsClient client)
            throws Exception {
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
    }

    /** A modal's answer in time: the form's errors, the next form, or the reply in the modal. */
    static Response acknowledge(ViewSubmissionContext ctx, ViewSubmissionPayload p, SlackMember who, Reply reply) {
        Optional<Block.Form> form = BlockKitRenderer.form(reply);
        if (form.isPresent()
                && !form.get().errors().isEmpty()
                && form.get().actionId().equals(p.getView().getCallbackId())) {
            return ctx.ackWithErrors(BlockKitRenderer.errors(form.get()));
        }
        Messages m = who.messages();
        if (form.isPresent()) {
            return ctx.ackWithUpdate(BlockKitRenderer.modal(form.get(), m.get("slack.cancel")));
        }
        return ctx.ackWithUpdate(BlockKitRenderer.modal(reply, m.get("slack.title"), m.get("slack.close")));
    }

    /** An answer to a mention or a DM: in the conversation, or to the asker only (ephemeral) when private. */
    static void post(MethodsClient client, String channel, String asker, Reply reply, String line, String threadTs) {
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

    /** The member's App Home tab, published. */
    static void publishHome(MethodsClient client, String user, Reply home) {
        try {
            var published = client.viewsPublish(r -> r.userId(user).view(BlockKitRenderer.home(home)));
            if (!published.isOk()) {
                log.warn("views.publish for {} answered {}", user, published.getError());
            }
        } catch (Exception ex) {
            log.warn("views.publish failed: {}", ex.getMessage());
        }
    }

    static void dm(MethodsClient client, String user, Reply reply) {
        post(client, user, null, reply, null, null);
    }

    private static boolean openModal(MethodsClient client, String triggerId, Block.Form form, String cancel) {
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

    private static String responseType(Reply reply) {
        return reply.visibility() == Visibility.CONVERSATION ? "in_channel" : "ephemeral";
    }
}

package io.tandem.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import io.tandem.engine.Action;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack sends, as the engine's {@link ChatEvent}s: the member and workspace behind a payload, the text of a
 * command, mention or DM, a button click or a modal's fields; and the engine's answer to them.
 */
final class SlackEvents {

    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

    private final ConversationEngine engine;
    private final SlackDirectory directory;
    private final SlackValues values;

    SlackEvents(ConversationEngine engine, SlackDirectory directory, SlackValues values) {
        this.engine = engine;
        this.directory = directory;
        this.values = values;
    }

    /** The engine's answer, with values too long for Block Kit kept aside ({@link SlackValues}). */
    Reply handle(String workspace, ChatEvent event) {
        return values.shrink(workspace, engine.handle(event));
    }

    /** The member's App Home, with values too long for Block Kit kept aside likewise. */
    Reply home(String workspace, ChatEvent event) {
        return values.shrink(workspace, engine.home(event));
    }

    /** The member behind this request, looked up at most once whatever the request does. */
    SlackMember member(Context ctx, String workspace, String user, String payloadName) {
        return new SlackMember(directory, ctx.client(), workspace, user, payloadName);
    }

    static ChatEvent textEvent(SlackMember who, String workspace, String channel, String text) {
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

    /** A click: the line a form-opening button stands for, else the button's action and value. */
    ChatEvent buttonEvent(SlackMember who, String workspace, String channel, BlockActionPayload.Action a) {
        if (BlockKitRenderer.OPEN_FORM.equals(a.getActionId())) {
            return textEvent(
                    who, workspace, channel, a.getValue() == null ? "" : values.resolve(workspace, a.getValue()));
        }
        String value = values.resolve(
                workspace,
                a.getValue() != null
                        ? a.getValue()
                        : a.getSelectedOption() != null ? a.getSelectedOption().getValue() : "");
        SlackUser info = who.info();
        return ChatEvent.action(
                Platform.SLACK,
                workspace,
                who.id(),
                info.name(),
                info.locale(),
                info.zone(),
                channel,
                new Action(BlockKitRenderer.engineAction(a.getActionId()), value, Map.of()));
    }

    /** A modal sent: its callback id is the action, its private metadata the value, its inputs the fields. */
    ChatEvent submissionEvent(SlackMember who, String workspace, ViewSubmissionPayload p, Map<String, String> fields) {
        SlackUser info = who.info();
        return ChatEvent.action(
                Platform.SLACK,
                workspace,
                who.id(),
                info.name(),
                info.locale(),
                info.zone(),
                null,
                new Action(
                        p.getView().getCallbackId(),
                        p.getView().getPrivateMetadata() == null
                                ? ""
                                : values.resolve(workspace, p.getView().getPrivateMetadata()),
                        fields));
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

    static Response refused(String kind) {
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

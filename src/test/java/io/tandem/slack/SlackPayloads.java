package io.tandem.slack;

import com.slack.api.util.json.GsonFactory;
import io.tandem.engine.Reply;

/** For tests elsewhere: a reply exactly as Tandem would send it to Slack (blocks, fallback text, any modal). */
public final class SlackPayloads {

    private SlackPayloads() {}

    public static String json(Reply reply) {
        var gson = GsonFactory.createSnakeCase();
        StringBuilder out = new StringBuilder(BlockKitRenderer.fallback(reply));
        out.append(gson.toJson(BlockKitRenderer.message(reply, null)));
        BlockKitRenderer.form(reply).ifPresent(form -> out.append(gson.toJson(BlockKitRenderer.modal(form, "Cancel"))));
        return out.toString();
    }
}

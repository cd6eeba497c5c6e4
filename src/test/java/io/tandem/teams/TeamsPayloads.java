package io.tandem.teams;

import io.tandem.engine.Reply;
import tools.jackson.databind.json.JsonMapper;

/** For tests elsewhere: a reply exactly as Tandem would send it to Teams (the Adaptive Card and its text). */
public final class TeamsPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TeamsPayloads() {}

    public static String json(Reply reply) {
        return reply.text() + JSON.writeValueAsString(AdaptiveCardRenderer.card(reply));
    }
}

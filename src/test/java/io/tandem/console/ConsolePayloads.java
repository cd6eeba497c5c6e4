package io.tandem.console;

import io.tandem.engine.Reply;
import tools.jackson.databind.json.JsonMapper;

/** For tests elsewhere: a reply exactly as the console API returns it. */
public final class ConsolePayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConsolePayloads() {}

    public static String json(Reply reply) {
        return JSON.writeValueAsString(ConsoleRenderer.render(reply));
    }
}

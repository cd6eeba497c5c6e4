package io.tandem.console;

import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Reply} as the JSON document the console page draws: every block kept, nothing lost, so the
 * console shows what Slack and Teams show.
 */
final class ConsoleRenderer {

    private ConsoleRenderer() {}

    static Map<String, Object> render(Reply reply) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", reply.text());
        out.put("visibility", lower(reply.visibility()));
        List<Object> blocks = new ArrayList<>();
        reply.blocks().forEach(b -> blocks.add(block(b)));
        out.put("blocks", blocks);
        return out;
    }

    private static Map<String, Object> block(Block block) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (block instanceof Block.Section s) {
            out.put("type", "section");
            out.put("heading", s.heading());
            out.put("text", s.text());
            out.put(
                    "fields",
                    s.fields().stream()
                            .map(f -> Map.of("label", f.label(), "value", f.value()))
                            .toList());
            out.put("buttons", s.buttons().stream().map(ConsoleRenderer::button).toList());
        } else if (block instanceof Block.Image i) {
            out.put("type", "image");
            out.put("url", i.url());
            out.put("alt", i.alt());
        } else if (block instanceof Block.Items l) {
            out.put("type", "items");
            out.put("heading", l.heading());
            out.put("items", l.items());
        } else if (block instanceof Block.Form f) {
            out.put("type", "form");
            out.put("action", f.actionId());
            out.put("value", f.value());
            out.put("title", f.title());
            out.put("submit", f.submitLabel());
            out.put("inputs", f.inputs().stream().map(ConsoleRenderer::input).toList());
            out.put("errors", f.errors());
        }
        return out;
    }

    private static Map<String, Object> button(Block.Button b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", b.actionId());
        out.put("label", b.label());
        out.put("value", b.value());
        out.put("style", lower(b.style()));
        return out;
    }

    private static Map<String, Object> input(Block.Input i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("label", i.label());
        out.put("type", lower(i.type()));
        out.put("required", i.required());
        out.put("initial", i.initial());
        out.put("placeholder", i.placeholder());
        out.put(
                "choices",
                i.choices().stream()
                        .map(c -> Map.of("value", c.value(), "label", c.label()))
                        .toList());
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

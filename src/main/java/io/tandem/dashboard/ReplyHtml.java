package io.tandem.dashboard;

import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine answer as the dashboard's templates show it: each block becomes one {@link Shown} (its text cut into
 * plain parts and links), each button a small form that clicks it as the lead. Text is only ever shown escaped.
 */
final class ReplyHtml {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    private ReplyHtml() {}

    /** A part of a text: plain, or a link whose text is the address. */
    record Part(String text, boolean link) {}

    /** One block: {@code kind} is section, items, image or form. */
    record Shown(
            String kind,
            String heading,
            List<Part> text,
            List<Block.Field> fields,
            List<List<Part>> items,
            List<Block.Button> buttons,
            String url,
            String alt) {}

    static List<Shown> of(Reply reply) {
        List<Shown> shown = new ArrayList<>();
        for (Block block : reply.blocks()) {
            shown.add(shown(block));
        }
        if (shown.isEmpty()) {
            shown.add(new Shown("section", null, parts(reply.text()), List.of(), List.of(), List.of(), null, null));
        }
        return shown;
    }

    private static Shown shown(Block block) {
        if (block instanceof Block.Section s) {
            return new Shown("section", s.heading(), parts(s.text()), s.fields(), List.of(), s.buttons(), null, null);
        }
        if (block instanceof Block.Items i) {
            List<List<Part>> items = i.items().stream().map(ReplyHtml::parts).toList();
            return new Shown("items", i.heading(), List.of(), List.of(), items, List.of(), null, null);
        }
        if (block instanceof Block.Image img) {
            return new Shown("image", null, List.of(), List.of(), List.of(), List.of(), img.url(), img.alt());
        }
        Block.Form f = (Block.Form) block;
        return new Shown("form", f.title(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), false));
            }
            parts.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }
}

package io.tandem.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Renders blocks as plain text: the fallback every reply carries. Buttons show as "[Label]". */
final class PlainText {

    private PlainText() {}

    static String render(List<Block> blocks) {
        return blocks.stream().map(PlainText::render).filter(s -> !s.isBlank()).collect(Collectors.joining("\n\n"));
    }

    private static String render(Block block) {
        StringBuilder out = new StringBuilder();
        if (block instanceof Block.Section s) {
            line(out, s.heading());
            line(out, s.text());
            s.fields().forEach(f -> line(out, f.label() + ": " + f.value()));
            if (!s.buttons().isEmpty()) {
                line(out, s.buttons().stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" ")));
            }
        } else if (block instanceof Block.Image i) {
            line(out, i.alt() + " (" + i.url() + ")");
        } else if (block instanceof Block.Items l) {
            line(out, l.heading());
            l.items().forEach(i -> line(out, "• " + i));
        } else if (block instanceof Block.Form f) {
            line(out, f.title());
            f.inputs().forEach(i -> {
                String error = f.errors().get(i.id());
                line(out, "- " + i.label() + (error == null ? "" : " (" + error + ")"));
            });
        }
        return out.toString().strip();
    }

    private static void line(StringBuilder out, String text) {
        if (text != null && !text.isBlank()) {
            out.append(text).append('\n');
        }
    }
}

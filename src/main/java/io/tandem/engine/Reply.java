package io.tandem.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine answers: blocks for rich rendering plus a plain-text fallback that is always present (it is
 * what notifications, screen readers and platforms without rich rendering show).
 */
public record Reply(String text, Visibility visibility, List<Block> blocks) {

    public Reply {
        Objects.requireNonNull(text, "text");
        visibility = visibility == null ? Visibility.ASKER : visibility;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** A reply made of one line of text. */
    public static Reply text(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a reply says beside its forms, for a platform that shows a form on its own (a Slack modal): the other
     * blocks and their fallback text; empty when the reply is only forms.
     */
    public Optional<Reply> besideForms() {
        List<Block> rest =
                blocks.stream().filter(b -> !(b instanceof Block.Form)).toList();
        return rest.isEmpty() ? Optional.empty() : Optional.of(new Reply(PlainText.render(rest), visibility, rest));
    }

    public Reply withVisibility(Visibility v) {
        return new Reply(text, v, blocks);
    }

    /** Builds a reply; the fallback text is derived from the blocks unless one is given. */
    public static final class Builder {
        private String intro;
        private Visibility visibility = Visibility.ASKER;
        private final List<Block> blocks = new ArrayList<>();

        private Builder() {}

        /** A line of text shown first, as its own section and at the top of the fallback. */
        public Builder text(String text) {
            this.intro = text;
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Builder block(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder section(String heading, String text) {
            return block(new Block.Section(heading, text, List.of(), List.of()));
        }

        public Builder items(String heading, List<String> items) {
            return block(new Block.Items(heading, items));
        }

        public Reply build() {
            List<Block> all = new ArrayList<>();
            if (intro != null && !intro.isBlank()) {
                all.add(new Block.Section(null, intro, List.of(), List.of()));
            }
            all.addAll(blocks);
            return new Reply(PlainText.render(all), visibility, all);
        }
    }
}

package io.tandem.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders engine replies as Block Kit, always within Slack's limits: at most 50 blocks in a message and 100 in a
 * modal or Home tab, section text 3000 characters, 10 fields of 2000, 25 buttons an actions block, button text
 * 75, action_id 255, value 2000, modal titles 24. Longer content is split or shortened with "…", never refused.
 * Forms become modals; in a message, where no modal can open, a form becomes a button that opens it.
 */
final class BlockKitRenderer {

    static final int MESSAGE_BLOCKS = 50;
    static final int SURFACE_BLOCKS = 100;
    static final int SECTION_TEXT = 3000;
    static final int FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    static final int BUTTONS = 25;
    static final int BUTTON_TEXT = 75;
    static final int ACTION_ID = 255;
    static final int VALUE = 2000;
    static final int TITLE = 24;
    static final int LABEL = 2000;
    static final int PLACEHOLDER = 150;
    static final int OPTIONS = 100;
    static final int OPTION_TEXT = 75;
    static final int FALLBACK = 3000;
    static final int METADATA = 3000;

    /** Clicking it opens the form of the command line carried in its value (messages have no trigger_id). */
    static final String OPEN_FORM = "tandem.form.open";

    private BlockKitRenderer() {}

    /** The plain-text fallback Slack shows in notifications. */
    static String fallback(Reply reply) {
        return shorten(reply.text(), FALLBACK);
    }

    /** Blocks for a message; forms become an "open" button carrying {@code reopen} (or are listed, if null). */
    static List<LayoutBlock> message(Reply reply, String reopen) {
        return cap(blocks(reply.blocks(), reopen), MESSAGE_BLOCKS);
    }

    /** Blocks for a Home tab or a modal showing a reply. */
    static List<LayoutBlock> surface(Reply reply) {
        return cap(blocks(reply.blocks(), null), SURFACE_BLOCKS);
    }

    static View home(Reply reply) {
        return View.builder().type("home").blocks(surface(reply)).build();
    }

    /** A reply shown in a modal (after a form was saved, or a button clicked in the Home tab). */
    static View modal(Reply reply, String title, String close) {
        return View.builder()
                .type("modal")
                .title(title(title))
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(shorten(close, TITLE))
                        .build())
                .blocks(surface(reply))
                .build();
    }

    /** The first form of a reply, if any. */
    static Optional<Block.Form> form(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Form.class::isInstance)
                .map(Block.Form.class::cast)
                .findFirst();
    }

    /**
     * A form as a modal: callback_id is the form's action, private_metadata its value, each input's block_id and
     * action_id its id.
     */
    static View modal(Block.Form form, String cancel) {
        String privateMetadata = form.value();
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Block.Input input : form.inputs()) {
            blocks.add(InputBlock.builder()
                    .blockId(shorten(input.id(), ACTION_ID))
                    .label(plain(shorten(input.label(), LABEL)))
                    .optional(!input.required())
                    .element(element(input))
                    .build());
        }
        return View.builder()
                .type("modal")
                .callbackId(shorten(form.actionId(), ACTION_ID))
                .title(title(form.title()))
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(shorten(form.submitLabel(), TITLE))
                        .build())
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(shorten(cancel, TITLE))
                        .build())
                .privateMetadata(privateMetadata == null || privateMetadata.length() > METADATA ? "" : privateMetadata)
                .blocks(cap(blocks, SURFACE_BLOCKS))
                .build();
    }

    /** {@code response_action: errors}: the message under each input that failed validation. */
    static Map<String, String> errors(Block.Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        form.errors().forEach((id, message) -> errors.put(id, shorten(message, 150)));
        return errors;
    }

    /** A submitted modal's values, by input id: text, selected option, date or time. */
    static Map<String, String> fields(ViewState state) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return fields;
        }
        state.getValues()
                .forEach((blockId, actions) -> actions.values().forEach(v -> {
                    String value = v.getValue() != null
                            ? v.getValue()
                            : v.getSelectedOption() != null
                                    ? v.getSelectedOption().getValue()
                                    : v.getSelectedDate() != null
                                            ? v.getSelectedDate()
                                            : v.getSelectedTime() != null ? v.getSelectedTime() : "";
                    fields.put(blockId, value);
                }));
        return fields;
    }

    private static List<LayoutBlock> blocks(List<Block> blocks, String reopen) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Section s) {
                section(out, s);
            } else if (block instanceof Block.Image i) {
                out.add(ImageBlock.builder()
                        .imageUrl(i.url())
                        .altText(shorten(i.alt().isEmpty() ? "chart" : i.alt(), 2000))
                        .build());
            } else if (block instanceof Block.Items l) {
                items(out, l);
            } else if (block instanceof Block.Form f) {
                formInMessage(out, f, reopen);
            }
        }
        return out;
    }

    private static void section(List<LayoutBlock> out, Block.Section s) {
        StringBuilder text = new StringBuilder();
        if (s.heading() != null) {
            text.append('*').append(escape(s.heading())).append('*');
        }
        if (s.text() != null) {
            text.append(text.length() > 0 ? "\n" : "").append(escape(s.text()));
        }
        List<TextObject> fields = s.fields().stream()
                .map(f ->
                        (TextObject) markdown(shorten("*" + escape(f.label()) + "*\n" + escape(f.value()), FIELD_TEXT)))
                .toList();
        List<String> chunks = text.length() == 0 ? List.of() : split(text.toString(), SECTION_TEXT);
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            List<TextObject> firstFields = last ? fields.subList(0, Math.min(FIELDS, fields.size())) : List.of();
            out.add(SectionBlock.builder()
                    .text(markdown(chunks.get(i)))
                    .fields(firstFields.isEmpty() ? null : firstFields)
                    .build());
        }
        for (int from = chunks.isEmpty() ? 0 : FIELDS; from < fields.size(); from += FIELDS) {
            out.add(SectionBlock.builder()
                    .fields(fields.subList(from, Math.min(fields.size(), from + FIELDS)))
                    .build());
        }
        for (int from = 0; from < s.buttons().size(); from += BUTTONS) {
            List<Block.Button> row =
                    s.buttons().subList(from, Math.min(s.buttons().size(), from + BUTTONS));
            // Block Kit wants each action_id once per block: the second "find" button of a row is find#2
            Map<String, Integer> seen = new HashMap<>();
            out.add(ActionsBlock.builder()
                    .elements(row.stream()
                            .<BlockElement>map(b -> button(b, seen.merge(b.actionId(), 1, Integer::sum)))
                            .toList())
                    .build());
        }
    }

    /** The engine's action id of a Slack {@code action_id}: {@code mentoring.find#2} is {@code mentoring.find}. */
    static String engineAction(String actionId) {
        return actionId == null ? "" : actionId.replaceFirst(NTH + "$", "");
    }

    private static final String NTH = "#[0-9]+";

    private static void items(List<LayoutBlock> out, Block.Items l) {
        StringBuilder text = new StringBuilder();
        if (l.heading() != null) {
            text.append('*').append(escape(l.heading())).append("*\n");
        }
        l.items().forEach(i -> text.append("• ").append(escape(i)).append('\n'));
        for (String chunk : split(text.toString().strip(), SECTION_TEXT)) {
            out.add(SectionBlock.builder().text(markdown(chunk)).build());
        }
    }

    private static void formInMessage(List<LayoutBlock> out, Block.Form f, String reopen) {
        if (reopen != null && reopen.length() <= VALUE) {
            out.add(SectionBlock.builder()
                    .text(markdown("*" + escape(f.title()) + "*"))
                    .build());
            out.add(ActionsBlock.builder()
                    .elements(List.<BlockElement>of(ButtonElement.builder()
                            .actionId(OPEN_FORM)
                            .text(plain(shorten(f.title(), BUTTON_TEXT)))
                            .value(reopen)
                            .style("primary")
                            .build()))
                    .build());
        } else {
            items(
                    out,
                    new Block.Items(
                            f.title(),
                            f.inputs().stream().map(Block.Input::label).toList()));
        }
    }

    /** The {@code nth} button of its block with this action id (from 1). A button with no value has none. */
    private static ButtonElement button(Block.Button b, int nth) {
        String style = switch (b.style()) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
        String suffix = nth == 1 ? "" : "#" + nth;
        return ButtonElement.builder()
                .actionId(shorten(b.actionId(), ACTION_ID - suffix.length()) + suffix)
                .text(plain(shorten(b.label(), BUTTON_TEXT)))
                .value(
                        b.value().isEmpty()
                                ? null
                                : b.value().length() > VALUE ? b.value().substring(0, VALUE) : b.value())
                .style(style)
                .build();
    }

    private static BlockElement element(Block.Input input) {
        String id = shorten(input.id(), ACTION_ID);
        PlainTextObject placeholder =
                input.placeholder().isEmpty() ? null : plain(shorten(input.placeholder(), PLACEHOLDER));
        return switch (input.type()) {
            case TEXT, MULTILINE ->
                PlainTextInputElement.builder()
                        .actionId(id)
                        .multiline(input.type() == Block.InputType.MULTILINE)
                        .placeholder(placeholder)
                        .initialValue(input.initial().isEmpty() ? null : input.initial())
                        .build();
            case SELECT -> {
                List<OptionObject> options = input.choices().stream()
                        .limit(OPTIONS)
                        .map(c -> OptionObject.builder()
                                .text(plain(shorten(c.label(), OPTION_TEXT)))
                                .value(shorten(c.value(), 150))
                                .build())
                        .toList();
                OptionObject initial = options.stream()
                        .filter(o -> o.getValue().equals(input.initial()))
                        .findFirst()
                        .orElse(null);
                yield StaticSelectElement.builder()
                        .actionId(id)
                        .options(options)
                        .initialOption(initial)
                        .placeholder(placeholder == null ? plain("…") : placeholder)
                        .build();
            }
            case DATE ->
                DatePickerElement.builder()
                        .actionId(id)
                        .placeholder(placeholder)
                        .initialDate(input.initial().isEmpty() ? null : input.initial())
                        .build();
            case TIME ->
                TimePickerElement.builder()
                        .actionId(id)
                        .placeholder(placeholder)
                        .initialTime(input.initial().isEmpty() ? null : input.initial())
                        .build();
        };
    }

    /** Keeps the first {@code max - 1} blocks and says that more was left out, rather than be refused. */
    private static List<LayoutBlock> cap(List<LayoutBlock> blocks, int max) {
        if (blocks.size() <= max) {
            return blocks;
        }
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, max - 1));
        kept.add(SectionBlock.builder().text(markdown("…")).build());
        return kept;
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(shorten(text, TITLE)).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    /** Slack's mrkdwn reads {@code &}, {@code <} and {@code >} as markup: text from members must not. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    /** Splits at line breaks where possible, never leaving a chunk over {@code max}. */
    static List<String> split(String text, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = max;
            }
            chunks.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }
}

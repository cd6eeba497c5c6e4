package io.tandem.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One part of a {@link Reply}. The set is small on purpose: each kind has a faithful rendering in Slack Block Kit,
 * a Teams Adaptive Card and HTML.
 */
public sealed interface Block {

    /**
     * A headed section: a heading, some text, key/value fields and buttons; each part optional, not all empty.
     * Block Kit: header/section + fields + actions; Adaptive Card: Container with TextBlock, FactSet, ActionSet.
     */
    record Section(String heading, String text, List<Field> fields, List<Button> buttons) implements Block {
        public Section {
            heading = blankToNull(heading);
            text = blankToNull(text);
            fields = fields == null ? List.of() : List.copyOf(fields);
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
            if (heading == null && text == null && fields.isEmpty() && buttons.isEmpty()) {
                throw new IllegalArgumentException("an empty section");
            }
        }
    }

    /** A picture (a chart) at an address the platform can fetch; {@code alt} says what it shows, for everyone. */
    record Image(String url, String alt) implements Block {
        public Image {
            Objects.requireNonNull(url, "url");
            alt = alt == null || alt.isBlank() ? "" : alt;
        }
    }

    /** A bulleted list under an optional heading. */
    record Items(String heading, List<String> items) implements Block {
        public Items {
            heading = blankToNull(heading);
            items = List.copyOf(items);
        }
    }

    /**
     * A form: inputs submitted together as one {@link Action} with {@code actionId}, the form's {@code value}
     * (like a button's: what the form is about, never shown) and the inputs as fields. {@code errors} maps input
     * ids to messages when a submission failed validation. Slack opens it as a modal.
     */
    record Form(
            String actionId,
            String title,
            String submitLabel,
            List<Input> inputs,
            Map<String, String> errors,
            String value)
            implements Block {
        public Form {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(submitLabel, "submitLabel");
            inputs = List.copyOf(inputs);
            errors = errors == null ? Map.of() : Map.copyOf(errors);
            value = value == null ? "" : value;
        }

        public Form(String actionId, String title, String submitLabel, List<Input> inputs, Map<String, String> errors) {
            this(actionId, title, submitLabel, inputs, errors, "");
        }
    }

    /** A key/value pair, e.g. "Seniority: junior". */
    record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** A button: clicking it sends an {@link Action} with this id and value. */
    record Button(String actionId, String label, String value, ButtonStyle style) {
        public Button {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
            style = style == null ? ButtonStyle.DEFAULT : style;
        }
    }

    enum ButtonStyle {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    /** One input of a form. {@code choices} only for {@link InputType#SELECT}. */
    record Input(
            String id,
            String label,
            InputType type,
            boolean required,
            String initial,
            String placeholder,
            List<Choice> choices) {
        public Input {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
            initial = initial == null ? "" : initial;
            placeholder = placeholder == null ? "" : placeholder;
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    enum InputType {
        TEXT,
        MULTILINE,
        SELECT,
        DATE,
        TIME
    }

    record Choice(String value, String label) {}

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.tandem.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders engine replies as Adaptive Cards 1.5, with only what Teams supports: TextBlock, FactSet, Container,
 * ActionSet, Action.Submit and the Text, ChoiceSet, Date and Time inputs. Buttons and forms submit
 * {@code {"tandemAction": id, "tandemValue": value, …inputs}}; validation errors show under their inputs.
 */
final class AdaptiveCardRenderer {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String ACTION = "tandemAction";
    static final String VALUE = "tandemValue";

    private AdaptiveCardRenderer() {}

    static Map<String, Object> card(Reply reply) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        card.put("fallbackText", reply.text());
        List<Object> body = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Section s) {
                body.add(section(s));
            } else if (block instanceof Block.Image i) {
                Map<String, Object> image = new LinkedHashMap<>();
                image.put("type", "Image");
                image.put("url", i.url());
                image.put("altText", i.alt());
                image.put("size", "Stretch");
                body.add(image);
            } else if (block instanceof Block.Items l) {
                body.add(items(l));
            } else if (block instanceof Block.Form f) {
                body.add(form(f));
            }
        }
        if (body.isEmpty()) {
            body.add(text(reply.text(), false));
        }
        card.put("body", body);
        return withinSize(card, body);
    }

    /**
     * Teams refuses a bot message over 100 KB (counted as UTF-16) with 413 {@code MessageSizeTooBig}, and Microsoft
     * advises staying under 80 KB: a card over {@link #BUDGET_CHARS} keeps the start of its fallback text and as many
     * of its first elements as fit, then says the rest was left out, rather than never arriving.
     */
    private static Map<String, Object> withinSize(Map<String, Object> card, List<Object> body) {
        if (size(card) <= BUDGET_CHARS) {
            return card;
        }
        String fallback = String.valueOf(card.get("fallbackText"));
        card.put(
                "fallbackText",
                fallback.length() > FALLBACK_CHARS ? fallback.substring(0, FALLBACK_CHARS) + "…" : fallback);
        Object more = text("…", false);
        body.add(more);
        int total = size(card);
        while (total > BUDGET_CHARS && body.size() > 2) {
            total -= size(body.remove(body.size() - 2)) + 1; // the element and its comma
        }
        if (size(card) > BUDGET_CHARS) {
            body.set(0, text(fallback.substring(0, Math.min(fallback.length(), FALLBACK_CHARS)) + "…", false));
        }
        return card;
    }

    /** 80 KB as UTF-16, less room for the activity around the card. */
    static final int BUDGET_CHARS = 80 * 1024 / 2 - 2_000;

    private static final int FALLBACK_CHARS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int size(Object element) {
        try {
            return JSON.writeValueAsString(element).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An Adaptive Card that cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> section(Block.Section s) {
        List<Object> items = new ArrayList<>();
        if (s.heading() != null) {
            items.add(heading(s.heading()));
        }
        if (s.text() != null) {
            items.add(text(s.text(), false));
        }
        if (!s.fields().isEmpty()) {
            List<Object> facts = new ArrayList<>();
            s.fields().forEach(f -> facts.add(Map.of("title", f.label(), "value", f.value())));
            items.add(Map.of("type", "FactSet", "facts", facts));
        }
        if (!s.buttons().isEmpty()) {
            List<Object> actions = new ArrayList<>();
            s.buttons().forEach(b -> actions.add(button(b)));
            items.add(Map.of("type", "ActionSet", "actions", actions));
        }
        return container(items, s.heading() != null);
    }

    private static Map<String, Object> items(Block.Items l) {
        List<Object> items = new ArrayList<>();
        if (l.heading() != null) {
            items.add(heading(l.heading()));
        }
        l.items().forEach(i -> items.add(text("• " + i, true)));
        return container(items, l.heading() != null);
    }

    private static Map<String, Object> form(Block.Form f) {
        List<Object> items = new ArrayList<>();
        items.add(heading(f.title()));
        for (Block.Input input : f.inputs()) {
            items.add(input(input, f.errors().get(input.id())));
            String error = f.errors().get(input.id());
            if (error != null) {
                Map<String, Object> message = text(error, true);
                message.put("color", "Attention");
                message.put("size", "Small");
                items.add(message);
            }
        }
        Map<String, Object> submit = new LinkedHashMap<>();
        submit.put("type", "Action.Submit");
        submit.put("title", f.submitLabel());
        submit.put("style", "positive");
        submit.put("data", Map.of(ACTION, f.actionId(), VALUE, f.value()));
        items.add(Map.of("type", "ActionSet", "actions", List.of(submit)));
        return container(items, true);
    }

    private static Map<String, Object> input(Block.Input input, String error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", input.id());
        out.put("label", input.label());
        out.put("isRequired", input.required());
        if (error != null) {
            out.put("errorMessage", error);
        }
        switch (input.type()) {
            case TEXT, MULTILINE -> {
                out.put("type", "Input.Text");
                out.put("isMultiline", input.type() == Block.InputType.MULTILINE);
                putIfPresent(out, "placeholder", input.placeholder());
                putIfPresent(out, "value", input.initial());
            }
            case SELECT -> {
                out.put("type", "Input.ChoiceSet");
                out.put("style", "compact");
                List<Object> choices = new ArrayList<>();
                input.choices().forEach(c -> choices.add(Map.of("title", c.label(), "value", c.value())));
                out.put("choices", choices);
                putIfPresent(out, "value", input.initial());
            }
            case DATE -> {
                out.put("type", "Input.Date");
                putIfPresent(out, "value", input.initial());
            }
            case TIME -> {
                out.put("type", "Input.Time");
                putIfPresent(out, "value", input.initial());
            }
        }
        return out;
    }

    private static Map<String, Object> button(Block.Button b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Action.Submit");
        out.put("title", b.label());
        switch (b.style()) {
            case PRIMARY -> out.put("style", "positive");
            case DANGER -> out.put("style", "destructive");
            case DEFAULT -> {}
        }
        out.put("data", Map.of(ACTION, b.actionId(), VALUE, b.value()));
        return out;
    }

    private static Map<String, Object> container(List<Object> items, boolean separator) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Container");
        out.put("separator", separator);
        out.put("items", items);
        return out;
    }

    private static Map<String, Object> heading(String text) {
        Map<String, Object> out = text(text, true);
        out.put("weight", "Bolder");
        return out;
    }

    private static Map<String, Object> text(String text, boolean plain) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "TextBlock");
        out.put("text", text);
        out.put("wrap", true);
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }
}

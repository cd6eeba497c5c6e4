package io.tandem.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Block Kit's documented structure and limits, as Slack enforces them on what an app sends (chat.postMessage,
 * chat.update, response_url bodies, slash-command acks, views): known block and element types, required fields,
 * plain_text where only plain_text is allowed, lengths, counts, a unique {@code action_id} within each block and a
 * unique {@code block_id} within a payload. {@link #message} and {@link #view} return the rules broken, empty if
 * none: Slack refuses such a payload ({@code invalid_blocks}) and nothing shows.
 */
public final class BlockKitRules {

    private static final Set<String> BLOCKS = Set.of(
            "section", "actions", "context", "divider", "header", "image", "input", "rich_text", "file", "video");
    private static final Set<String> ELEMENTS = Set.of(
            "button",
            "static_select",
            "multi_static_select",
            "external_select",
            "users_select",
            "conversations_select",
            "channels_select",
            "overflow",
            "datepicker",
            "timepicker",
            "datetimepicker",
            "plain_text_input",
            "checkboxes",
            "radio_buttons",
            "image",
            "email_text_input",
            "url_text_input",
            "number_input",
            "rich_text_input",
            "file_input");
    private static final Set<String> INPUTS = Set.of(
            "static_select",
            "multi_static_select",
            "external_select",
            "users_select",
            "conversations_select",
            "channels_select",
            "datepicker",
            "timepicker",
            "datetimepicker",
            "plain_text_input",
            "checkboxes",
            "radio_buttons",
            "email_text_input",
            "url_text_input",
            "number_input",
            "rich_text_input",
            "file_input");
    private static final Map<String, Integer> MAX_BLOCKS = Map.of("message", 50, "modal", 100, "home", 100);

    private final List<String> broken = new ArrayList<>();
    private final Set<String> blockIds = new HashSet<>();

    private BlockKitRules() {}

    /** The rules a message's {@code blocks} break (null or absent blocks break none). */
    public static List<String> message(JsonElement blocks) {
        BlockKitRules rules = new BlockKitRules();
        if (blocks != null && !blocks.isJsonNull()) {
            rules.blocks(blocks, "message", "blocks");
        }
        return rules.broken;
    }

    /** The rules a view (modal or Home tab) breaks. */
    public static List<String> view(JsonElement view) {
        BlockKitRules rules = new BlockKitRules();
        if (view == null || !view.isJsonObject()) {
            rules.broken.add("view: not an object");
            return rules.broken;
        }
        JsonObject v = view.getAsJsonObject();
        String type = string(v, "type");
        if (!"modal".equals(type) && !"home".equals(type)) {
            rules.broken.add("view.type: must be modal or home, not " + type);
            return rules.broken;
        }
        if ("modal".equals(type)) {
            rules.text(v, "title", "view.title", true, 24, true);
            rules.text(v, "submit", "view.submit", true, 24, false);
            rules.text(v, "close", "view.close", true, 24, false);
            if (hasInputs(v) && !v.has("submit")) {
                rules.broken.add("view.submit: a modal with inputs needs a submit button");
            }
        }
        rules.length(v, "private_metadata", 3000, "view.private_metadata");
        rules.length(v, "callback_id", 255, "view.callback_id");
        rules.length(v, "external_id", 255, "view.external_id");
        if (!v.has("blocks")) {
            rules.broken.add("view.blocks: required");
        } else {
            rules.blocks(v.get("blocks"), type, "view.blocks");
        }
        return rules.broken;
    }

    private static boolean hasInputs(JsonObject view) {
        JsonElement blocks = view.get("blocks");
        if (blocks == null || !blocks.isJsonArray()) {
            return false;
        }
        for (JsonElement b : blocks.getAsJsonArray()) {
            if (b.isJsonObject() && "input".equals(string(b.getAsJsonObject(), "type"))) {
                return true;
            }
        }
        return false;
    }

    private void blocks(JsonElement blocks, String surface, String where) {
        if (!blocks.isJsonArray()) {
            broken.add(where + ": not an array");
            return;
        }
        JsonArray array = blocks.getAsJsonArray();
        int max = MAX_BLOCKS.getOrDefault(surface, 50);
        if (array.size() > max) {
            broken.add(where + ": " + array.size() + " blocks, at most " + max + " in a " + surface);
        }
        for (int i = 0; i < array.size(); i++) {
            block(array.get(i), surface, where + "[" + i + "]");
        }
    }

    private void block(JsonElement element, String surface, String where) {
        if (!element.isJsonObject()) {
            broken.add(where + ": not an object");
            return;
        }
        JsonObject b = element.getAsJsonObject();
        String type = string(b, "type");
        if (!BLOCKS.contains(type)) {
            broken.add(where + ".type: unknown block type " + type);
            return;
        }
        String blockId = string(b, "block_id");
        if (blockId != null) {
            length(b, "block_id", 255, where + ".block_id");
            if (blockId.isEmpty() || !blockIds.add(blockId)) {
                broken.add(where + ".block_id: " + (blockId.isEmpty() ? "empty" : "not unique: " + blockId));
            }
        }
        Set<String> actionIds = new HashSet<>();
        switch (type) {
            case "section" -> {
                if (!b.has("text") && !b.has("fields")) {
                    broken.add(where + ": a section needs text or fields");
                }
                text(b, "text", where + ".text", false, 3000, false);
                if (b.has("fields")) {
                    JsonArray fields = b.getAsJsonArray("fields");
                    if (fields.isEmpty() || fields.size() > 10) {
                        broken.add(where + ".fields: " + fields.size() + " fields, 1 to 10 allowed");
                    }
                    for (int i = 0; i < fields.size(); i++) {
                        textObject(fields.get(i), where + ".fields[" + i + "]", false, 2000);
                    }
                }
                if (b.has("accessory")) {
                    element(b.get("accessory"), where + ".accessory", actionIds, false);
                }
            }
            case "actions" -> {
                JsonArray elements = array(b, "elements", where);
                if (elements != null) {
                    if (elements.isEmpty() || elements.size() > 25) {
                        broken.add(where + ".elements: " + elements.size() + " elements, 1 to 25 allowed");
                    }
                    for (int i = 0; i < elements.size(); i++) {
                        element(elements.get(i), where + ".elements[" + i + "]", actionIds, false);
                    }
                }
            }
            case "context" -> {
                JsonArray elements = array(b, "elements", where);
                if (elements != null) {
                    if (elements.isEmpty() || elements.size() > 10) {
                        broken.add(where + ".elements: " + elements.size() + " elements, 1 to 10 allowed");
                    }
                    for (int i = 0; i < elements.size(); i++) {
                        JsonElement e = elements.get(i);
                        String t = e.isJsonObject() ? string(e.getAsJsonObject(), "type") : null;
                        if ("image".equals(t)) {
                            continue;
                        }
                        textObject(e, where + ".elements[" + i + "]", false, 3000);
                    }
                }
            }
            case "header" -> text(b, "text", where + ".text", true, 150, true);
            case "input" -> {
                if (!"modal".equals(surface) && !"home".equals(surface)) {
                    broken.add(where + ": input blocks only in modals and the Home tab");
                }
                text(b, "label", where + ".label", true, 2000, true);
                text(b, "hint", where + ".hint", true, 2000, false);
                if (!b.has("element")) {
                    broken.add(where + ".element: required");
                } else {
                    element(b.get("element"), where + ".element", actionIds, true);
                }
            }
            case "image" -> {
                if (!b.has("image_url") && !b.has("slack_file")) {
                    broken.add(where + ": an image needs image_url or slack_file");
                }
                length(b, "alt_text", 2000, where + ".alt_text");
            }
            default -> {
                // divider, rich_text, file, video: nothing Tandem sends needs more
            }
        }
    }

    private void element(JsonElement element, String where, Set<String> actionIds, boolean input) {
        if (!element.isJsonObject()) {
            broken.add(where + ": not an object");
            return;
        }
        JsonObject e = element.getAsJsonObject();
        String type = string(e, "type");
        if (!ELEMENTS.contains(type)) {
            broken.add(where + ".type: unknown element type " + type);
            return;
        }
        if (input && !INPUTS.contains(type)) {
            broken.add(where + ".type: " + type + " cannot be an input block's element");
        }
        String actionId = string(e, "action_id");
        if (actionId != null) {
            length(e, "action_id", 255, where + ".action_id");
            if (actionId.isEmpty() || !actionIds.add(actionId)) {
                broken.add(where + ".action_id: "
                        + (actionId.isEmpty() ? "empty" : "not unique within its block: " + actionId));
            }
        }
        text(e, "placeholder", where + ".placeholder", true, 150, false);
        switch (type) {
            case "button" -> {
                text(e, "text", where + ".text", true, 75, true);
                if (e.has("value")) {
                    String value = string(e, "value");
                    if (value == null || value.isEmpty()) {
                        broken.add(where + ".value: empty (leave it out or give it a value)");
                    }
                    length(e, "value", 2000, where + ".value");
                }
                length(e, "url", 3000, where + ".url");
                String style = string(e, "style");
                if (style != null && !style.equals("primary") && !style.equals("danger")) {
                    broken.add(where + ".style: primary or danger, not " + style);
                }
            }
            case "static_select", "multi_static_select", "radio_buttons", "checkboxes", "overflow" -> {
                if (!e.has("options") && !e.has("option_groups")) {
                    broken.add(where + ": options required");
                }
                if (e.has("options")) {
                    JsonArray options = e.getAsJsonArray("options");
                    int max = type.equals("overflow")
                            ? 5
                            : type.equals("radio_buttons") || type.equals("checkboxes") ? 10 : 100;
                    if (options.isEmpty() || options.size() > max) {
                        broken.add(where + ".options: " + options.size() + " options, 1 to " + max + " allowed");
                    }
                    for (int i = 0; i < options.size(); i++) {
                        option(
                                options.get(i),
                                where + ".options[" + i + "]",
                                !type.equals("radio_buttons") && !type.equals("checkboxes"));
                    }
                }
                if (e.has("initial_option")) {
                    option(e.get("initial_option"), where + ".initial_option", !type.equals("radio_buttons"));
                }
            }
            case "plain_text_input" -> {
                length(e, "initial_value", 3000, where + ".initial_value");
                if (e.has("max_length") && e.get("max_length").getAsInt() > 3000) {
                    broken.add(where + ".max_length: at most 3000");
                }
            }
            default -> {
                // pickers: an action_id and placeholder, checked above
            }
        }
    }

    private void option(JsonElement option, String where, boolean plainOnly) {
        if (!option.isJsonObject()) {
            broken.add(where + ": not an object");
            return;
        }
        JsonObject o = option.getAsJsonObject();
        text(o, "text", where + ".text", plainOnly, 75, true);
        String value = string(o, "value");
        if (value == null || value.isEmpty()) {
            broken.add(where + ".value: required");
        }
        length(o, "value", 150, where + ".value");
    }

    private void text(JsonObject parent, String field, String where, boolean plainOnly, int max, boolean required) {
        if (!parent.has(field) || parent.get(field).isJsonNull()) {
            if (required) {
                broken.add(where + ": required");
            }
            return;
        }
        textObject(parent.get(field), where, plainOnly, max);
    }

    private void textObject(JsonElement element, String where, boolean plainOnly, int max) {
        if (!element.isJsonObject()) {
            broken.add(where + ": a text object is needed");
            return;
        }
        JsonObject t = element.getAsJsonObject();
        String type = string(t, "type");
        if (!"plain_text".equals(type) && !"mrkdwn".equals(type)) {
            broken.add(where + ".type: plain_text or mrkdwn, not " + type);
        } else if (plainOnly && !"plain_text".equals(type)) {
            broken.add(where + ".type: only plain_text is allowed here");
        }
        String text = string(t, "text");
        if (text == null || text.isEmpty()) {
            broken.add(where + ".text: required, at least 1 character");
        } else if (text.length() > max) {
            broken.add(where + ".text: " + text.length() + " characters, at most " + max);
        }
    }

    private void length(JsonObject parent, String field, int max, String where) {
        String value = string(parent, field);
        if (value != null && value.length() > max) {
            broken.add(where + ": " + value.length() + " characters, at most " + max);
        }
    }

    private JsonArray array(JsonObject parent, String field, String where) {
        JsonElement e = parent.get(field);
        if (e == null || !e.isJsonArray()) {
            broken.add(where + "." + field + ": required array");
            return null;
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}

package io.tandem.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Teams accepts from a bot, as its documentation states it: every Adaptive Card valid against the official 1.5
 * schema ({@code ../shared/schemas/adaptive-cards}), of a version Teams renders (at most 1.5), each {@code
 * Action.Submit}'s {@code data} an object (Teams posts anything else back as typed text); and
 * the whole message within Teams' bot message size limit (100 KB, counted as UTF-16), over which the Connector answers
 * 413 {@code MessageSizeTooBig}. {@link #activity} and {@link #card} return the rules broken, empty if none.
 */
public final class AdaptiveCardRules {

    /** Teams' bot message limit: 100 KB of the message encoded as UTF-16. */
    public static final int MESSAGE_LIMIT_BYTES = 100 * 1024;

    public static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    /**
     * The elements and actions Tandem allows itself: those every Teams client renders (checked by the renderer's
     * tests).
     */
    public static final Set<String> TEAMS_SUPPORTED = Set.of(
            "AdaptiveCard",
            "TextBlock",
            "RichTextBlock",
            "TextRun",
            "FactSet",
            "ColumnSet",
            "Column",
            "Container",
            "ActionSet",
            "Image",
            "ImageSet",
            "Action.Submit",
            "Action.Execute",
            "Action.OpenUrl",
            "Action.ShowCard",
            "Action.ToggleVisibility",
            "Input.Text",
            "Input.ChoiceSet",
            "Input.Date",
            "Input.Time",
            "Input.Number",
            "Input.Toggle");

    private static final String SCHEMA_ID = "http://adaptivecards.io/schemas/adaptive-card.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = load();

    private AdaptiveCardRules() {}

    private static Schema load() {
        Path besideProject = Path.of("..", "shared", "schemas", "adaptive-cards")
                .toAbsolutePath()
                .normalize();
        Path dir = Files.isDirectory(besideProject) ? besideProject : Path.of("/work/shared/schemas/adaptive-cards");
        String text;
        try {
            text = Files.readString(dir.resolve("adaptive-card-1.5.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The schema declares draft 6 but names itself with draft 4's "id" and annotates elements with "version".
        Dialect draft6 = Dialect.builder(Dialects.getDraft6())
                .keyword(new NonValidationKeyword("id"))
                .keyword(new NonValidationKeyword("version"))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                draft6,
                builder -> builder.schemas(Map.of(SCHEMA_ID, text))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        return registry.getSchema(SchemaLocation.of(SCHEMA_ID));
    }

    /** The size Teams counts: the message as UTF-16. */
    public static int utf16Bytes(String message) {
        return message.length() * 2;
    }

    /** The rules an activity a bot sends (message or update) breaks: its size, then each Adaptive Card in it. */
    public static List<String> activity(String body) {
        List<String> broken = new ArrayList<>();
        if (utf16Bytes(body) > MESSAGE_LIMIT_BYTES) {
            broken.add("message: " + utf16Bytes(body) + " bytes as UTF-16, at most " + MESSAGE_LIMIT_BYTES);
        }
        JsonNode activity;
        try {
            activity = JSON.readTree(body);
        } catch (RuntimeException e) {
            broken.add("activity: not JSON");
            return broken;
        }
        JsonNode attachments = activity.path("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode a = attachments.get(i);
            String where = "attachments[" + i + "]";
            if (CARD_TYPE.equals(a.path("contentType").asString(""))) {
                card(a.get("content")).forEach(e -> broken.add(where + ": " + e));
            }
        }
        return broken;
    }

    /** The rules an Adaptive Card breaks (null: a card is missing). */
    public static List<String> card(JsonNode card) {
        List<String> broken = new ArrayList<>();
        if (card == null || !card.isObject()) {
            broken.add("content: an Adaptive Card object is needed");
            return broken;
        }
        SCHEMA.validate(card.toString(), InputFormat.JSON).stream()
                .map(Error::toString)
                .forEach(e -> broken.add("schema: " + e));
        String version = card.path("version").asString("");
        if (!version.matches("1\\.[0-5]")) {
            broken.add("version: Teams renders Adaptive Cards up to 1.5, not " + version);
        }
        walk(card, "card", broken);
        return broken;
    }

    private static void walk(JsonNode node, String where, List<String> broken) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null
                    && "Action.Submit".equals(type.asString())
                    && node.has("data")
                    && !node.get("data").isObject()) {
                broken.add(where + ".data: an object (Teams posts other data back as text the member typed)");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("data")) {
                    walk(field.getValue(), where + "." + field.getKey(), broken);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", broken);
            }
        }
    }

    /** Parses JSON for a caller holding a string. */
    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}

package io.tandem.store;

import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Reply;
import io.tandem.engine.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Notifications as JSON for the delivery queue: every block kept, read back exactly as written. */
final class NotificationCodec {

    private final JsonMapper json;

    NotificationCodec(JsonMapper json) {
        this.json = json;
    }

    String write(Notification n) {
        ObjectNode root = json.createObjectNode();
        root.put("to", n.recipient().toString());
        root.put("kind", n.kind());
        if (n.label() != null) {
            root.put("label", n.label());
        }
        root.set("reply", reply(n.message()));
        if (n.sender() != null) {
            root.put("from", n.sender().toString());
            root.set("undelivered", reply(n.ifUndelivered()));
            if (n.undeliveredLabel() != null) {
                root.put("undeliveredLabel", n.undeliveredLabel());
            }
        }
        if (!n.about().isEmpty()) {
            ArrayNode about = root.putArray("about");
            n.about().forEach(m -> about.add(m.toString()));
        }
        return json.writeValueAsString(root);
    }

    Notification read(String text) {
        JsonNode root = json.readTree(text);
        MemberId to = MemberId.parse(root.get("to").asString())
                .orElseThrow(() -> new IllegalArgumentException("bad recipient in queued notification"));
        JsonNode from = root.get("from");
        Set<MemberId> about = new LinkedHashSet<>();
        JsonNode people = root.get("about");
        if (people != null && people.isArray()) {
            people.valueStream()
                    .map(p -> MemberId.parse(p.asString()))
                    .flatMap(Optional::stream)
                    .forEach(about::add);
        }
        // labels are absent from notifications queued before they had one
        if (from != null && !from.isNull()) {
            return new Notification(
                    to,
                    root.get("kind").asString(),
                    reply(root.get("reply")),
                    MemberId.parse(from.asString()).orElseThrow(),
                    reply(root.get("undelivered")),
                    about,
                    text(root, "label"),
                    text(root, "undeliveredLabel"));
        }
        return new Notification(
                to,
                root.get("kind").asString(),
                reply(root.get("reply")),
                null,
                null,
                about,
                text(root, "label"),
                null);
    }

    private ObjectNode reply(Reply reply) {
        ObjectNode node = json.createObjectNode();
        node.put("text", reply.text());
        node.put("visibility", reply.visibility().name());
        ArrayNode blocks = node.putArray("blocks");
        for (Block block : reply.blocks()) {
            ObjectNode b = blocks.addObject();
            if (block instanceof Block.Section s) {
                b.put("type", "section");
                b.put("heading", s.heading());
                b.put("text", s.text());
                ArrayNode fields = b.putArray("fields");
                s.fields()
                        .forEach(f -> fields.addObject().put("label", f.label()).put("value", f.value()));
                ArrayNode buttons = b.putArray("buttons");
                s.buttons()
                        .forEach(x -> buttons.addObject()
                                .put("action", x.actionId())
                                .put("label", x.label())
                                .put("value", x.value())
                                .put("style", x.style().name()));
            } else if (block instanceof Block.Items l) {
                b.put("type", "items");
                b.put("heading", l.heading());
                ArrayNode items = b.putArray("items");
                l.items().forEach(items::add);
            } else if (block instanceof Block.Form f) {
                b.put("type", "form");
                b.put("action", f.actionId());
                b.put("value", f.value());
                b.put("title", f.title());
                b.put("submit", f.submitLabel());
                ArrayNode inputs = b.putArray("inputs");
                for (Block.Input i : f.inputs()) {
                    ObjectNode in = inputs.addObject()
                            .put("id", i.id())
                            .put("label", i.label())
                            .put("type", i.type().name())
                            .put("required", i.required())
                            .put("initial", i.initial())
                            .put("placeholder", i.placeholder());
                    ArrayNode choices = in.putArray("choices");
                    i.choices()
                            .forEach(c ->
                                    choices.addObject().put("value", c.value()).put("label", c.label()));
                }
                ObjectNode errors = b.putObject("errors");
                f.errors().forEach(errors::put);
            }
        }
        return node;
    }

    private static Reply reply(JsonNode node) {
        List<Block> blocks = new ArrayList<>();
        for (JsonNode b : node.get("blocks")) {
            switch (b.get("type").asString()) {
                case "section" ->
                    blocks.add(new Block.Section(
                            text(b, "heading"),
                            text(b, "text"),
                            b.get("fields")
                                    .valueStream()
                                    .map(f -> new Block.Field(text(f, "label"), text(f, "value")))
                                    .toList(),
                            b.get("buttons")
                                    .valueStream()
                                    .map(x -> new Block.Button(
                                            text(x, "action"),
                                            text(x, "label"),
                                            text(x, "value"),
                                            Block.ButtonStyle.valueOf(text(x, "style"))))
                                    .toList()));
                case "items" ->
                    blocks.add(new Block.Items(
                            text(b, "heading"),
                            b.get("items").valueStream().map(JsonNode::asString).toList()));
                case "form" -> {
                    List<Block.Input> inputs = b.get("inputs")
                            .valueStream()
                            .map(i -> new Block.Input(
                                    text(i, "id"),
                                    text(i, "label"),
                                    Block.InputType.valueOf(text(i, "type")),
                                    i.get("required").asBoolean(),
                                    text(i, "initial"),
                                    text(i, "placeholder"),
                                    i.get("choices")
                                            .valueStream()
                                            .map(c -> new Block.Choice(text(c, "value"), text(c, "label")))
                                            .toList()))
                            .toList();
                    Map<String, String> errors = new LinkedHashMap<>();
                    b.get("errors")
                            .properties()
                            .forEach(e -> errors.put(e.getKey(), e.getValue().asString()));
                    blocks.add(new Block.Form(
                            text(b, "action"), text(b, "title"), text(b, "submit"), inputs, errors, text(b, "value")));
                }
                default -> throw new IllegalArgumentException("unknown block type " + b.get("type"));
            }
        }
        return new Reply(
                node.get("text").asString(),
                Visibility.valueOf(node.get("visibility").asString()),
                blocks);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}

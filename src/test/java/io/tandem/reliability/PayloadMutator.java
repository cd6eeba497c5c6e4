package io.tandem.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Damages valid payloads the way a broken proxy, an old client or an attacker with a key would: drops a field,
 * gives one another type (string, number, object, array, null), truncates the JSON, repeats a key, inserts
 * bytes that are not UTF-8, pads the body to about a megabyte. Seeded: the same seed gives the same bodies.
 * Fields whose name ends in {@code url} keep pointing at the fakes (or become non-strings), so no request leaves
 * the machine.
 */
final class PayloadMutator {

    /** A body to send, and what was done to it (for the failure message). */
    record Mutant(byte[] body, String contentType, String mutation) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] STRINGS = {
        "",
        " ",
        "x",
        "0",
        "-1",
        "true",
        "null",
        "{}",
        "[]",
        "😀\u202E\u0000",
        "<script>alert(1)</script>",
        "<!channel>",
        "*bold*",
        "' OR 1=1 --",
        "%00",
        "\uD83D",
        "U0NOBODY",
        "mentoring.request",
        "block_actions",
        "view_submission",
        "event_callback",
        "message",
        "invoke",
        "a:1personal-x"
    };

    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();

    PayloadMutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A JSON document damaged once or twice, in its tree or in its text. */
    Mutant json(String valid, String contentType) {
        JsonNode tree = json.readTree(valid);
        List<String> done = new ArrayList<>();
        int treeMutations = 1 + random.nextInt(3);
        for (int i = 0; i < treeMutations; i++) {
            done.add(mutateTree(tree));
        }
        String text = json.writeValueAsString(tree);
        return raw(text, contentType, done, random.nextInt(3) == 0);
    }

    /** A form (slash command) with fields dropped, retyped, repeated or added, and maybe damaged bytes. */
    Mutant form(Map<String, String> valid) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(valid.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList());
        List<String> done = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && !fields.isEmpty(); i++) {
            int at = random.nextInt(fields.size());
            String key = fields.get(at).getKey();
            switch (random.nextInt(4)) {
                case 0 -> {
                    fields.remove(at);
                    done.add("dropped " + key);
                }
                case 1 -> {
                    if (!key.endsWith("url")) {
                        fields.set(at, Map.entry(key, string()));
                        done.add("replaced " + key);
                    }
                }
                case 2 -> {
                    fields.add(Map.entry(key, string()));
                    done.add("repeated " + key);
                }
                default -> {
                    fields.add(Map.entry(string(), string()));
                    done.add("added a field");
                }
            }
        }
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(field.getKey())).append('=').append(encode(field.getValue()));
        }
        return raw(body.toString(), "application/x-www-form-urlencoded", done, random.nextInt(3) == 0);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Mutant raw(String text, String contentType, List<String> done, boolean damageText) {
        String type = contentType;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (damageText) {
            switch (random.nextInt(7)) {
                case 0 -> {
                    int at = random.nextInt(text.length() + 1);
                    text = text.substring(0, at);
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                    done.add("truncated at " + at);
                }
                case 1 -> {
                    int brace = text.indexOf('{');
                    if (brace >= 0) {
                        text = text.substring(0, brace + 1) + "\"type\":" + json.writeValueAsString(value()) + ","
                                + "\"type\":\"x\"," + text.substring(brace + 1);
                        bytes = text.getBytes(StandardCharsets.UTF_8);
                        done.add("repeated the key type");
                    }
                }
                case 2 -> {
                    bytes = insert(bytes, pick(new byte[][] {
                        {(byte) 0xC3, 0x28},
                        {(byte) 0xFF},
                        {(byte) 0xFE},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        {(byte) 0xC0, (byte) 0xAF},
                        {0}
                    }));
                    done.add("inserted bytes that are not UTF-8");
                }
                case 3 -> {
                    type = pick(new String[] {
                        "application/json",
                        "application/x-www-form-urlencoded",
                        "text/plain",
                        "multipart/form-data; boundary=x",
                        "application/xml",
                        "",
                        "application/json; charset=latin1"
                    });
                    done.add("sent as \"" + type + "\"");
                }
                case 4 -> {
                    text = "[".repeat(5000) + "]".repeat(random.nextBoolean() ? 5000 : 10);
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                    done.add("replaced by 5000 nested arrays");
                }
                case 5 -> {
                    bytes = new byte[0];
                    done.add("emptied");
                }
                default -> {
                    text = text + " " + text;
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                    done.add("doubled");
                }
            }
        }
        return new Mutant(bytes, type, String.join(", ", done));
    }

    /** About a megabyte: one field padded (its type kept), for the few huge bodies. */
    Mutant huge(String validJson, String contentType) {
        ObjectNode tree = (ObjectNode) json.readTree(validJson);
        tree.put("padding", "x".repeat(1_000_000));
        return new Mutant(json.writeValueAsBytes(tree), contentType, "padded to about 1 MB");
    }

    private String mutateTree(JsonNode root) {
        List<String[]> paths = new ArrayList<>();
        collect(root, "", paths);
        if (paths.isEmpty()) {
            return "nothing to change";
        }
        String[] path = paths.get(random.nextInt(paths.size()));
        JsonNode parent = at(root, path[0]);
        String key = path[1];
        if (parent instanceof ObjectNode object) {
            if (random.nextInt(3) == 0) {
                object.remove(key);
                return "dropped " + path[0] + "/" + key;
            }
            JsonNode value = key.toLowerCase(Locale.ROOT).endsWith("url") ? nonString() : value();
            object.set(key, value);
            return "set " + path[0] + "/" + key + " to " + shorten(value.toString());
        }
        ArrayNode array = (ArrayNode) parent;
        int index = Integer.parseInt(key);
        if (random.nextInt(3) == 0) {
            array.remove(index);
            return "dropped " + path[0] + "/" + key;
        }
        JsonNode value = value();
        array.set(index, value);
        return "set " + path[0] + "/" + key + " to " + shorten(value.toString());
    }

    private static void collect(JsonNode node, String path, List<String[]> out) {
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> {
                out.add(new String[] {path, name});
                collect(object.get(name), path + "/" + name, out);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(new String[] {path, String.valueOf(i)});
                collect(array.get(i), path + "/" + i, out);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
            }
        }
        return node;
    }

    private JsonNode value() {
        return random.nextInt(4) == 0 ? NODES.stringNode(string()) : nonString();
    }

    private JsonNode nonString() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.numberNode(Long.MAX_VALUE);
            case 2 -> NODES.numberNode(-0.5);
            case 3 -> NODES.objectNode();
            case 4 -> NODES.objectNode().put("type", string()).put("id", 7);
            case 5 -> NODES.arrayNode();
            case 6 -> NODES.arrayNode().add(1).add("a").addNull();
            case 7 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.nullNode();
        };
    }

    private String string() {
        return random.nextInt(20) == 0 ? "y".repeat(10_000) : pick(STRINGS);
    }

    private byte[] insert(byte[] body, byte[] what) {
        int at = random.nextInt(body.length + 1);
        byte[] out = new byte[body.length + what.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(body, at, out, at + what.length, body.length - at);
        return out;
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

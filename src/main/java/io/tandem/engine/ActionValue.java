package io.tandem.engine;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value a button carries: {@code key=value&key=value}, URL-encoded. Values come back from the platform and may
 * have been tampered with, so reading is forgiving (malformed parts are ignored) and handlers check what they get.
 */
public final class ActionValue {

    private final Map<String, String> values;

    private ActionValue(Map<String, String> values) {
        this.values = values;
    }

    public static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String of(String k1, String v1) {
        return encode(Map.of(k1, v1));
    }

    public static String of(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return encode(m);
    }

    public static ActionValue parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null) {
            for (String part : text.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    try {
                        values.put(
                                URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        // a tampered or truncated value: skip the part, the handler sees it missing
                    }
                }
            }
        }
        return new ActionValue(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

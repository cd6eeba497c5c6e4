package io.tandem.reliability;

import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What an answer to bad input must never show: a stack trace or Java internals, an unfilled placeholder, a
 * {@code null} where a word should be, or the engine's apology for an unexpected error (a bug it swallowed).
 * Text members typed comes back (a bio, a question asked by someone else), so a marker that anyone typed is not a
 * leak: build the checker with everything that was sent.
 */
final class Leaks {

    private static final List<String> INTERNALS = List.of(
            "Exception",
            "at io.tandem",
            "io.tandem.",
            "java.lang",
            "java.util",
            "tools.jackson",
            "com.fasterxml",
            "org.springframework",
            "Optional[",
            "\tat ");
    private static final Pattern WORDS = Pattern.compile("\\{\\d+}|\\bnull\\b|\\bundefined\\b|\\bNaN\\b");
    private static final List<String> APOLOGIES = List.of(
            Messages.of(Language.EN).get("error.unexpected"),
            Messages.of(Language.FR).get("error.unexpected"));

    private final Set<String> typed = new HashSet<>();

    /** A checker for answers to these inputs (and to anything stored from them). */
    Leaks(Collection<String> inputs) {
        for (String input : inputs) {
            INTERNALS.stream().filter(input::contains).forEach(typed::add);
            WORDS.matcher(input).results().map(MatchResult::group).forEach(typed::add);
        }
    }

    /** The first leak in a raw answer body (any format), if there is one. */
    Optional<String> inBody(String body) {
        for (String marker : INTERNALS) {
            if (body.contains(marker) && !typed.contains(marker)) {
                return Optional.of("shows \"" + marker + "\"");
            }
        }
        for (String apology : APOLOGIES) {
            if (body.contains(apology)) {
                return Optional.of("is the apology for an unexpected error (see the log for the exception)");
            }
        }
        return Optional.empty();
    }

    /** The first leak in the text a member reads: {@link #inBody} plus placeholders and nulls in text values. */
    Optional<String> inText(String body, JsonNode answer) {
        Optional<String> raw = inBody(body);
        if (raw.isPresent()) {
            return raw;
        }
        StringBuilder text = new StringBuilder();
        collectStrings(answer, text);
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            if (!typed.contains(m.group())) {
                return Optional.of("shows \"" + m.group() + "\" in \"" + around(text, m.start()) + "\"");
            }
        }
        return Optional.empty();
    }

    private static void collectStrings(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            out.append(node.asString()).append('\n');
        }
        node.valueStream().forEach(child -> collectStrings(child, out));
    }

    private static String around(CharSequence text, int at) {
        return text.subSequence(Math.max(0, at - 40), Math.min(text.length(), at + 40))
                .toString();
    }
}

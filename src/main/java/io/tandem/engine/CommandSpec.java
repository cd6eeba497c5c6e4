package io.tandem.engine;

import java.util.List;
import java.util.Objects;

/**
 * How a command is called. {@code words} are every accepted subcommand word, English name first, then
 * aliases (French ones included); an empty word means the root alone (e.g. {@code /stats}). Help and usage
 * text come from the bundles under {@code command.<id>.usage} and {@code command.<id>.summary}.
 */
public record CommandSpec(String id, String root, List<String> words, boolean listed) {

    public CommandSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(root, "root");
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("command " + id + " has no words");
        }
    }

    public static CommandSpec mentor(String id, String... words) {
        return new CommandSpec(id, CommandParser.MENTOR, List.of(words), true);
    }

    public String name() {
        return words.get(0);
    }

    public String usageKey() {
        return "command." + id + ".usage";
    }

    public String summaryKey() {
        return "command." + id + ".summary";
    }
}

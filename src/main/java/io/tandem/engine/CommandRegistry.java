package io.tandem.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command and action handler, by id. Registering a duplicate id, or a word already taken under the same
 * root, fails at start-up: two features must never fight over a command. Help is generated from here.
 */
public final class CommandRegistry {

    private final Map<String, Command> byId = new LinkedHashMap<>();
    private final Map<String, Command> byWord = new LinkedHashMap<>();
    private final Map<String, ActionHandler> actions = new LinkedHashMap<>();

    public CommandRegistry(Collection<? extends Command> commands, Collection<? extends ActionHandler> handlers) {
        register(new HelpCommand(this));
        commands.forEach(this::register);
        handlers.forEach(this::register);
    }

    private void register(Command command) {
        CommandSpec spec = command.spec();
        if (byId.putIfAbsent(spec.id(), command) != null) {
            throw new IllegalStateException("Command " + spec.id() + " is already registered");
        }
        for (String word : spec.words()) {
            Command previous = byWord.putIfAbsent(key(spec.root(), word), command);
            if (previous != null) {
                throw new IllegalStateException("Command word '" + spec.root() + " " + word + "' of " + spec.id()
                        + " is already taken by " + previous.spec().id());
            }
        }
    }

    private void register(ActionHandler handler) {
        if (actions.putIfAbsent(handler.actionId(), handler) != null) {
            throw new IllegalStateException("Action " + handler.actionId() + " is already registered");
        }
    }

    public Optional<Command> command(String root, String word) {
        return Optional.ofNullable(byWord.get(key(root, word)));
    }

    public Optional<Command> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<ActionHandler> action(String actionId) {
        return Optional.ofNullable(actions.get(actionId));
    }

    /** Commands shown in help, in help order ({@link HelpOrder}); any it does not name after, as registered. */
    public List<CommandSpec> listed() {
        List<String> order = HelpOrder.ids();
        return byId.values().stream()
                .map(Command::spec)
                .filter(CommandSpec::listed)
                .sorted(Comparator.comparingInt(spec -> {
                    int at = order.indexOf(spec.id());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .toList();
    }

    public boolean hasRoot(String root) {
        return byId.values().stream().anyMatch(c -> c.spec().root().equals(root));
    }

    /** The closest known word under a root, within two edits, for "did you mean …?". */
    public Optional<CommandSpec> closest(String root, String word) {
        String folded = Text.fold(word);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        record Candidate(CommandSpec spec, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        byId.values().stream()
                .map(Command::spec)
                .filter(s -> s.root().equals(root) && s.listed())
                .forEach(spec -> {
                    for (String w : spec.words()) {
                        int max = Math.min(2, Math.max(1, w.length() / 3));
                        int d = Text.distance(folded, Text.fold(w), max);
                        if (d <= max || (folded.length() >= 3 && Text.fold(w).startsWith(folded))) {
                            candidates.add(new Candidate(spec, Math.min(d, max)));
                        }
                    }
                });
        return candidates.stream()
                .min(Comparator.comparingInt(Candidate::distance))
                .map(Candidate::spec);
    }

    private static String key(String root, String word) {
        return root + " " + Text.fold(word);
    }
}

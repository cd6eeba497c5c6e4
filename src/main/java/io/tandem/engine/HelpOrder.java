package io.tandem.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one order of {@code /mentor help}: commands grouped by what people do, each group under its own heading
 * ({@code help.group.<id>} in the bundles). Every command shown in help is named here exactly once: start-up fails
 * otherwise ({@link #check}), so a new command cannot slip to the end of the list unnoticed.
 */
public final class HelpOrder {

    /** A heading and its commands, by id, in the order shown. */
    public record Group(String id, List<String> commands) {
        public Group {
            commands = List.copyOf(commands);
        }

        public String headingKey() {
            return "help.group." + id;
        }
    }

    public static final List<Group> GROUPS = List.of(
            new Group(
                    "find",
                    List.of("find", "request", "teach", "learn", "unteach", "unlearn", "skills", "join", "leave")),
            new Group(
                    "pairs",
                    List.of(
                            "pairs",
                            "module",
                            "schedule",
                            "sessions",
                            "reschedule",
                            "cancel",
                            "checkin",
                            "thanks",
                            "end")),
            new Group("questions", List.of("ask", "questions", "answer", "my-questions", "tip", "tips")),
            new Group(
                    "settings",
                    List.of(
                            "profile",
                            "bio",
                            "set",
                            "nudges",
                            "recognition",
                            "pause",
                            "resume",
                            "export",
                            "forget-me",
                            HelpCommand.ID)),
            new Group("leads", List.of("stats", "stats-export", "stats-delivery", "stats-programme", "admin")));

    private HelpOrder() {}

    /** Every command id, in help order. */
    public static List<String> ids() {
        return GROUPS.stream().flatMap(g -> g.commands().stream()).toList();
    }

    /**
     * Fails when the commands shown in help and this order differ: one missing here, one named here that is not
     * registered (or not shown), or one named twice.
     */
    public static void check(CommandRegistry registry) {
        List<String> ordered = ids();
        Set<String> unique = new LinkedHashSet<>(ordered);
        List<String> problems = new ArrayList<>();
        if (unique.size() != ordered.size()) {
            problems.add("named twice in the help order: "
                    + ordered.stream()
                            .filter(id -> ordered.indexOf(id) != ordered.lastIndexOf(id))
                            .distinct()
                            .toList());
        }
        Set<String> listed = new LinkedHashSet<>(
                registry.listed().stream().map(CommandSpec::id).toList());
        Set<String> missing = new LinkedHashSet<>(listed);
        missing.removeAll(unique);
        Set<String> unknown = new LinkedHashSet<>(unique);
        unknown.removeAll(listed);
        if (!missing.isEmpty()) {
            problems.add("not in the help order: " + missing);
        }
        if (!unknown.isEmpty()) {
            problems.add("in the help order but not a listed command: " + unknown);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Help order (HelpOrder.GROUPS) and commands differ: " + String.join("; ", problems));
        }
    }
}

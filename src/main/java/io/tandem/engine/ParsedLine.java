package io.tandem.engine;

/** The result of parsing a line: a command line, or a usage error. Parsing never throws. */
public sealed interface ParsedLine {

    /**
     * A command: {@code root} is {@code mentor} or {@code stats}; {@code word} the subcommand as typed, folded to
     * lower case without accents (empty when none); {@code args} the rest of the line, as typed.
     */
    record CommandLine(String root, String word, String args) implements ParsedLine {}

    /** Not a command we can run; {@code detail} is what was typed where it went wrong (may be empty). */
    record UsageError(Problem problem, String detail) implements ParsedLine {}

    enum Problem {
        EMPTY,
        TOO_LONG,
        UNKNOWN_ROOT
    }
}

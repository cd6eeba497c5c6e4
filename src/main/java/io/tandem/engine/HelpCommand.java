package io.tandem.engine;

import java.util.List;

/** {@code /mentor help}: every listed command with its usage and summary, in the member's language. */
final class HelpCommand implements Command {

    static final String ID = "help";
    private static final CommandSpec SPEC = CommandSpec.mentor(ID, "help", "aide", "?");

    private final CommandRegistry registry;

    HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Invocation in) {
        return Reply.builder()
                .text(in.t("help.intro"))
                .items(in.t("help.heading"), lines(registry, in.messages()))
                .section(null, in.t("help.footer"))
                .build();
    }

    static List<String> lines(CommandRegistry registry, Messages messages) {
        return registry.listed().stream()
                .map(spec -> messages.get(spec.usageKey()) + " — " + messages.get(spec.summaryKey()))
                .toList();
    }
}

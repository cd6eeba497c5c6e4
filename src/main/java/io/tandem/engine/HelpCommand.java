package io.tandem.engine;

import java.util.List;
import java.util.Optional;

/**
 * {@code /mentor help}: every listed command with its usage and summary, in the member's language, grouped and
 * ordered as {@link HelpOrder} says.
 */
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
        Reply.Builder reply = Reply.builder().text(in.t("help.intro"));
        for (HelpOrder.Group group : HelpOrder.GROUPS) {
            List<String> lines = lines(group, in.messages());
            if (!lines.isEmpty()) {
                reply.items(in.t(group.headingKey()), lines);
            }
        }
        return reply.section(null, in.t("help.footer")).build();
    }

    private List<String> lines(HelpOrder.Group group, Messages messages) {
        return group.commands().stream()
                .map(registry::byId)
                .flatMap(Optional::stream)
                .map(Command::spec)
                .filter(CommandSpec::listed)
                .map(spec -> messages.get(spec.usageKey()) + " — " + messages.get(spec.summaryKey()))
                .toList();
    }
}

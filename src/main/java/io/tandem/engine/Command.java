package io.tandem.engine;

import java.util.function.Function;

/** A command members type, e.g. {@code /mentor find seo}. Registered once, by id, in the {@link CommandRegistry}. */
public interface Command {

    CommandSpec spec();

    Reply run(Invocation invocation);

    /** A command whose work is one function: most are. */
    static Command of(CommandSpec spec, Function<Invocation, Reply> run) {
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply run(Invocation invocation) {
                return run.apply(invocation);
            }
        };
    }
}

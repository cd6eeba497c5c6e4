package io.tandem.engine;

/** A command members type, e.g. {@code /mentor find seo}. Registered once, by id, in the {@link CommandRegistry}. */
public interface Command {

    CommandSpec spec();

    Reply run(Invocation invocation);
}

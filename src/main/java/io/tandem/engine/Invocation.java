package io.tandem.engine;

/**
 * One run of a command or action: the event, who sent it, their messages, and the arguments (empty for actions).
 */
public record Invocation(ChatEvent event, Caller caller, Messages messages, Arguments args) {

    public Action action() {
        return event.action();
    }

    /** Shorthand for {@code messages().get(key, args)}. */
    public String t(String key, Object... values) {
        return messages.get(key, values);
    }
}

package io.tandem.engine;

/**
 * Thrown by a command when it cannot do what was asked for a reason the member can fix (bad value, unknown
 * person…). The engine answers with the localized message {@code key}; nothing was changed.
 */
public class Refusal extends RuntimeException {

    private final transient Object[] args;

    public Refusal(String key, Object... args) {
        super(key, null, false, false);
        this.args = args.clone();
    }

    public String key() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}

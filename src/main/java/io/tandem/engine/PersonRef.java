package io.tandem.engine;

/**
 * A person named in a command, as typed: a platform user id (Slack {@code <@U123|name>}), a handle
 * ({@code @alice}), or a display name from a Teams {@code <at>Name</at>} mention.
 */
public record PersonRef(Kind kind, String key, String label) {

    public enum Kind {
        USER_ID,
        HANDLE,
        NAME
    }

    @Override
    public String toString() {
        return label == null || label.isBlank() ? key : label;
    }
}

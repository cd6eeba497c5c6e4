package io.tandem.engine;

/** Who sees a reply: only the member who asked (ephemeral in Slack), or everyone in the conversation. */
public enum Visibility {
    ASKER,
    CONVERSATION
}

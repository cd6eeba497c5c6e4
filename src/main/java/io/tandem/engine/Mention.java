package io.tandem.engine;

/**
 * A person mentioned in a message, as the platform identified them. Teams sends {@code <at>Name</at>} in the text
 * and the user id beside it; adapters pass those pairs here so the engine can resolve the name to a member.
 */
public record Mention(String text, String userId) {}

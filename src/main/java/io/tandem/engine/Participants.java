package io.tandem.engine;

/**
 * Port: tells the engine who is behind an event (recording a first contact or a changed name, locale or
 * timezone on the way), so replies use the member's own language and timezone.
 */
@FunctionalInterface
public interface Participants {
    Caller identify(ChatEvent event);
}

package io.tandem.qa;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tandem.engine.MemberId;

/**
 * A question about a skill. {@code asker} is kept to relay answers to them; when {@code anonymous}, it is never
 * shown, sent or put in any payload for anyone else.
 *
 * @param routedTo the experts it was sent to, in order
 */
public record Question(String id, MemberId asker, boolean anonymous, String skill, String text, Instant createdAt,
                       List<MemberId> routedTo) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(text, "text");
        routedTo = routedTo == null ? List.of() : List.copyOf(routedTo);
    }

    public String workspace() {
        return asker.workspace();
    }

    public String shortId() {
        return id.substring(0, Math.min(6, id.length()));
    }
}

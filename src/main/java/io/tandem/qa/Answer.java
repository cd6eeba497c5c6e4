package io.tandem.qa;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.Objects;

/** An answer to a question; {@code helpful} once the asker said so; {@code hidden} once a lead hid it. */
public record Answer(
        String id,
        String questionId,
        MemberId author,
        String text,
        Instant createdAt,
        boolean helpful,
        boolean hidden) {

    public Answer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }

    public Answer(String id, String questionId, MemberId author, String text, Instant createdAt, boolean helpful) {
        this(id, questionId, author, text, createdAt, helpful, false);
    }

    /** The same answer with {@code who} replaced by {@code with} (a former member's tombstone). */
    public Answer replacing(MemberId who, MemberId with) {
        return new Answer(id, questionId, who.equals(author) ? with : author, text, createdAt, helpful, hidden);
    }

    public Answer markedHelpful() {
        return new Answer(id, questionId, author, text, createdAt, true, hidden);
    }

    public Answer hiddenByLead() {
        return new Answer(id, questionId, author, text, createdAt, helpful, true);
    }
}

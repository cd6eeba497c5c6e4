package io.tandem.tips;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.Objects;

/** A tip for a skill, by a colleague ({@code author}), or from the starter set ({@code author} null). */
public record Tip(String id, String skill, Language language, String text, MemberId author, Instant createdAt) {

    public Tip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }

    /** The same tip with {@code who} replaced by {@code with} (a former member's tombstone). */
    public Tip replacing(MemberId who, MemberId with) {
        return new Tip(id, skill, language, text, who.equals(author) ? with : author, createdAt);
    }

    public boolean starter() {
        return author == null;
    }
}

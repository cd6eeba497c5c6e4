package io.tandem.profiles;

import io.tandem.engine.Text;
import java.util.Locale;
import java.util.Optional;

/** How senior a member is. Reverse mentoring prefers a mentor more junior than the mentee. */
public enum Seniority {
    JUNIOR,
    MID,
    SENIOR,
    EXEC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int rank() {
        return ordinal();
    }

    public String messageKey() {
        return "seniority." + id();
    }

    /** English and French words: junior, mid, intermédiaire, confirmé, senior, exec, dirigeant… */
    public static Optional<Seniority> parse(String text) {
        return switch (Text.fold(text)) {
            case "junior", "jr", "debutant" -> Optional.of(JUNIOR);
            case "mid", "middle", "intermediate", "intermediaire", "confirme" -> Optional.of(MID);
            case "senior", "sr" -> Optional.of(SENIOR);
            case "exec", "executive", "director", "dirigeant", "direction", "cadre-dirigeant" -> Optional.of(EXEC);
            default -> Optional.empty();
        };
    }
}
